import { CONSOLE_LOCALES, getLocale, setLocale, t, type ConsoleLocale } from './index.js';

const NAMES: Record<ConsoleLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The console's language, defaulting to the browser's; each option is named in its own language. */
export function LanguageSwitch() {
  return (
    <select class="lang" aria-label={t('Language')} value={getLocale()} onChange={(e) => setLocale((e.target as HTMLSelectElement).value as ConsoleLocale)}>
      {CONSOLE_LOCALES.map((l) => <option key={l} value={l} lang={l}>{NAMES[l]}</option>)}
    </select>
  );
}
