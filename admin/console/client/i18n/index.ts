import { zhCN, type ConsoleKey } from './zh-cn.js';

/**
 * The console's message catalogs. English is the key itself (gettext style: the code stays
 * readable and a new English string is a compile error until zh-CN has it); zh-CN maps every key.
 * `{name}` placeholders are filled from `vars`.
 */
export type { ConsoleKey };
export type ConsoleLocale = 'en' | 'zh-CN';
export const CONSOLE_LOCALES: readonly ConsoleLocale[] = ['en', 'zh-CN'];

const STORAGE_KEY = 'parley.console.locale';
const listeners = new Set<(l: ConsoleLocale) => void>();

/** Any Chinese tag reads the zh-CN catalog; everything else English. */
export function consoleLocale(tag: string | null | undefined): ConsoleLocale {
  return tag && /^zh(?:-|$)/i.test(tag) ? 'zh-CN' : 'en';
}

function initial(): ConsoleLocale {
  const g = globalThis as { localStorage?: Storage; navigator?: Navigator };
  const saved = g.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return consoleLocale(g.navigator?.language);
}

let current: ConsoleLocale = initial();

export function getLocale(): ConsoleLocale {
  return current;
}

/** The staff member's choice wins over the browser's language from then on (kept in localStorage). */
export function setLocale(locale: ConsoleLocale): void {
  current = locale;
  (globalThis as { localStorage?: Storage }).localStorage?.setItem(STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const fn of listeners) fn(locale);
}

export function onLocale(fn: (l: ConsoleLocale) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function t(key: ConsoleKey, vars?: Record<string, string | number | null | undefined>): string {
  const text: string = current === 'zh-CN' ? zhCN[key] ?? key : key;
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k] ?? '') : m)) : text;
}

/**
 * A word that arrives as data (a conversation state, a role, a decision, a nav label another page
 * adds): translated when the catalog knows it, else shown as it is.
 */
export function tx(text: string): string {
  return current === 'zh-CN' && Object.hasOwn(zhCN, text) ? zhCN[text as ConsoleKey] : text;
}
