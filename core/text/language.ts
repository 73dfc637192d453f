import { z } from 'zod';

/**
 * Languages Parley tells apart by script. Latin-script text is taken as English, the only
 * Latin-script language the models are built for; `und` = nothing to go on (digits, emoji, punctuation).
 */
export const languageSchema = z.enum(['zh', 'en', 'ja', 'ko', 'und']);
export type Language = z.infer<typeof languageSchema>;

/** A BCP 47 tag as browsers report it (`zh-CN`, `en`, `zh-Hant-TW`); kept short and plain. */
export const localeSchema = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/, 'BCP 47 language tag').max(35);

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/gu;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/gu;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/gu;
// Full-width letters (ＡＢＣ) are not counted: only CJK input methods type them, so on their own they say
// nothing about the language (like digits) and the conversation or the locale decides.
const LATIN_WORD = /[A-Za-z\u00c0-\u024f]{2,}/g;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/**
 * Script-based detection with rules for short text. One Han character carries about a word, so
 * Han characters are weighed against Latin *words*: "我的order还没到" is Chinese, "ok" is English,
 * "iPhone 15 坏了" is Chinese (the customer writes Chinese around a product name), and a lone
 * "OK" inside a long Chinese sentence does not flip it. Kana decides Japanese (it shares Han).
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const kana = count(sample, KANA);
  const han = count(sample, HAN);
  const hangul = count(sample, HANGUL);
  const latin = count(sample, LATIN_WORD);
  if (kana > 0 && kana + han >= latin) return 'ja';
  if (hangul > 0 && hangul >= han && hangul >= latin) return 'ko';
  if (han > 0 && han >= latin) return 'zh';
  if (latin > 0) return 'en';
  // A single Latin letter ("k", "y") or a Han character next to many Latin words: say what dominates.
  if (han > 0) return 'zh';
  return /[A-Za-z]/.test(sample) ? 'en' : 'und';
}

/** The language part of a locale tag ("zh-Hant-TW" -> zh), or `und` for one Parley does not know. */
export function localeLanguage(locale: string | undefined | null): Language {
  const primary = (locale ?? '').split('-')[0]?.toLowerCase() ?? '';
  const parsed = languageSchema.safeParse(primary);
  return parsed.success ? parsed.data : 'und';
}

/**
 * The language to answer in: what the message is written in, else (digits, emoji, "?") what the
 * conversation was in, else the customer's locale.
 */
export function replyLanguage(detected: Language, conversation?: Language | null, locale?: string | null): Language {
  if (detected !== 'und') return detected;
  if (conversation && conversation !== 'und') return conversation;
  return localeLanguage(locale);
}
