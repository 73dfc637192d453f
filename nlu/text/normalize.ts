import { foldChinese, hasHan, segmentChinese } from '../../core/index.js';

/** Longest text the classifiers look at: a 4,000-char message costs the same as a long sentence. */
export const MAX_ANALYSED_CHARS = 1000;

// Control characters (except tab/newline) and zero-width marks break tokenisation and regexes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;

/** Removes control characters and unifies compatibility forms; keeps offsets stable (same length). */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ');
}

/**
 * Classifier view of a message: NFKC (full-width ＡＢＣ１２３ -> abc123, ，-> ,), traditional Chinese
 * folded to simplified, lowercase, curly quotes folded, capped length.
 */
export function normalizeForModel(text: string): string {
  return foldChinese(cleanText(text.slice(0, MAX_ANALYSED_CHARS)).normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Word tokens (letters/digits, keeping "don't" together); a Han run counts as one token here. */
export function words(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

const HAN_SPLIT = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+)/u;

/** Word tokens with Han runs cut into Chinese words ("我的order还没到" -> 我的 | order | 还没 | 到). */
export function modelTokens(normalized: string): string[] {
  const out: string[] = [];
  for (const w of words(normalized)) {
    if (!hasHan(w)) {
      out.push(w);
      continue;
    }
    for (const part of w.split(HAN_SPLIT)) {
      if (part === '') continue;
      if (hasHan(part)) out.push(...segmentChinese(part));
      else out.push(part);
    }
  }
  return out;
}
