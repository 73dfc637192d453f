import { en, type WidgetCatalog, type WidgetKey } from './en.js';
import { zhCN } from './zh-cn.js';

export type { WidgetKey };
export type WidgetLocale = 'en' | 'zh-CN';

const catalogs: Record<WidgetLocale, WidgetCatalog> = { en, 'zh-CN': zhCN };
// One page shows one widget in one language, so the choice is module state set once at boot.
let current: WidgetLocale = 'en';

/** The catalog for a BCP 47 tag: any Chinese tag gets zh-CN, everything else English. */
export function uiLocale(tag: string | undefined): WidgetLocale {
  return tag && /^zh(?:-|$)/i.test(tag) ? 'zh-CN' : 'en';
}

export function setWidgetLocale(tag: string | undefined): WidgetLocale {
  current = uiLocale(tag);
  return current;
}

export function t(key: WidgetKey, vars?: Record<string, string | number>): string {
  const text = catalogs[current][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/**
 * A refusal as the customer reads it: the server's English message is kept for English,
 * known codes get the catalog's words, anything else a generic line in the customer's language.
 */
export function errorText(error: { code: string; message: string }): string {
  if (error.code === 'ERR_RATE_LIMITED') return t('errRateLimited');
  return current === 'en' ? error.message : t('errGeneric');
}
