import { render } from 'preact';
import { createApi, replayQueue } from './api.js';
import { WidgetController } from './controller.js';
import { localTokenStore } from './storage.js';
import { styles } from './styles.js';
import { App } from './ui/app.js';
import { setWidgetLocale, t } from './i18n/index.js';

/**
 * Entry of widget.js: `<script src=".../widget.js" data-parley-url="https://chat.example.com" async></script>`.
 * data-parley-url defaults to the script's own origin; data-parley-title names the panel;
 * data-parley-locale (e.g. zh-CN) sets the customer's language, else the browser's navigator.language.
 */
// currentScript is only set while the script first runs, so read it before any callback.
const currentScript = (document.currentScript ??
  document.querySelector('script[data-parley-url],script[src*="widget.js"]')) as HTMLScriptElement | null;

/** The server refuses a handshake with a malformed tag, so only plain BCP 47 tags are sent. */
function pageLocale(tag: string | undefined): string | undefined {
  return tag && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/.test(tag) ? tag : undefined;
}

function boot(): void {
  const w = window as unknown as { Parley?: unknown };
  if (w.Parley && typeof (w.Parley as { open?: unknown }).open === 'function') return; // loaded twice
  const script = currentScript;
  const src = script?.src || window.location.href;
  const url = (script?.dataset.parleyUrl || new URL(src, window.location.href).origin).replace(/\/+$/, '');
  const locale = pageLocale(script?.dataset.parleyLocale || navigator.language);
  const uiLang = setWidgetLocale(locale);
  const title = script?.dataset.parleyTitle || t('title');

  const host = document.createElement('div');
  host.id = 'parley-widget';
  host.lang = uiLang; // picks CJK glyphs and hyphenation for the widget's language, not the host page's
  document.body.appendChild(host);
  // Shadow DOM: the host page's CSS cannot restyle the widget and ours cannot leak out.
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  root.appendChild(style);
  const mount = document.createElement('div');
  root.appendChild(mount);

  const ctrl = new WidgetController(url, localTokenStore(url), locale ? { locale } : {});
  render(<App ctrl={ctrl} title={title} />, mount);
  const api = createApi(ctrl);
  const previous = w.Parley as { q?: unknown[][] } | undefined;
  w.Parley = api;
  replayQueue(api, previous);
  // Any element with data-parley-open opens the chat (no inline script needed on CSP-strict pages).
  document.addEventListener('click', (e) => {
    const target = e.target as Element | null;
    if (target?.closest?.('[data-parley-open]')) {
      e.preventDefault();
      api.open();
    }
  });
  window.addEventListener('offline', () => ctrl.network(false));
  window.addEventListener('online', () => ctrl.network(true));
  ctrl.start();
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot);
