import { demoCopy } from './demo-copy.js';

export interface DemoPageOptions {
  /** Where the page loads the widget from (default `/widget.js`, same origin). */
  scriptSrc?: string;
  /** The shop's language; the Chinese page sets `data-parley-locale="zh-CN"` so the widget speaks Chinese whatever the browser. */
  language?: 'en' | 'zh';
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * GET `/` (DEMO_LANGUAGE's page), `/en/` and `/zh/`: a fictional shop that embeds the widget with the one-line snippet.
 * No inline script, so it works under the server's Content-Security-Policy.
 */
export function demoPageHtml(opts: DemoPageOptions = {}): string {
  const src = escapeAttr(opts.scriptSrc ?? '/widget.js');
  const c = demoCopy[opts.language ?? 'en'];
  const locale = opts.language === 'zh' ? ' data-parley-locale="zh-CN"' : '';
  return `<!doctype html>
<html lang="${c.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${c.title}</title>
<style>
  body { margin: 0; font: 16px/1.5 Georgia, 'Songti SC', 'Noto Serif CJK SC', serif; color: #222; background: #faf7f2; }
  header { background: #2b2d42; color: #fff; padding: 18px 32px; }
  header h1 { margin: 0; font-size: 26px; }
  main { max-width: 860px; margin: 0 auto; padding: 24px 32px 80px; }
  .products { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 16px; margin: 20px 0; }
  .product { background: #fff; border: 1px solid #e5e0d8; border-radius: 10px; padding: 16px; }
  .product b { display: block; font-size: 18px; }
  .try { background: #fff; border-left: 4px solid #3b5bdb; padding: 12px 18px; }
  code { background: #eee; padding: 1px 5px; border-radius: 4px; }
  button.open-chat { font: inherit; padding: 8px 14px; border-radius: 8px; border: 1px solid #3b5bdb; background: #fff; color: #3b5bdb; cursor: pointer; }
  footer { font-size: 14px; color: #666; }
  header a.lang { color: #cfd3ff; margin-left: 8px; font-size: 14px; }
  /* Theming the widget from the host page: custom properties cross its shadow root. */
  #parley-widget { --parley-accent: #3b5bdb; }
</style>
</head>
<body>
<header><h1>${c.title}</h1><p>${c.tagline} <a class="lang" href="${c.other.href}" lang="${c.other.lang}">${c.other.label}</a></p></header>
<main>
  <section class="products" aria-label="${c.productsLabel}">
${c.products.map(([name, text]) => `    <div class="product"><b>${name}</b>${text}</div>`).join('\n')}
  </section>
  <section class="try">
    <h2>${c.tryTitle}</h2>
    <p>${c.tryText}</p>
    <p>${c.staff}</p>
    <p><button type="button" class="open-chat" data-parley-open>${c.openChat}</button></p>
  </section>
  <footer>${c.footer}</footer>
</main>
<script src="${src}"${locale} async></script>
</body>
</html>
`;
}
