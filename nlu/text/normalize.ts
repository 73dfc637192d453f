/** Longest text the classifiers look at: a 4,000-char message costs the same as a long sentence. */
export const MAX_ANALYSED_CHARS = 1000;

// Control characters (except tab/newline) and zero-width marks break tokenisation and regexes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;

/** Removes control characters and unifies compatibility forms; keeps offsets stable (same length). */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ');
}

/** Classifier view of a message: NFKC, lowercase, curly quotes folded, capped length. */
export function normalizeForModel(text: string): string {
  return cleanText(text.slice(0, MAX_ANALYSED_CHARS))
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Word tokens (letters/digits, keeping "don't" together). */
export function words(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}
