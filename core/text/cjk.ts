import { createRequire } from 'node:module';
import type { ConverterFunction } from 'opencc-js';

// opencc-js is loaded on first Chinese text, so English-only nodes never pay for its tables.
const require = createRequire(import.meta.url);

/** One Han ideograph (CJK unified ideographs, extension A, compatibility ideographs, planes 2-3). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Maximal runs of Han characters, in order, with their offsets. */
export function hanRuns(text: string): { text: string; start: number }[] {
  return [...text.matchAll(HAN_RUN)].map((m) => ({ text: m[0], start: m.index }));
}

let toSimplified: ConverterFunction | null = null;

/**
 * Traditional -> simplified, character by character (OpenCC's `t` -> `cn` tables, no phrase rewriting), so
 * 訂單 and 订单 are one word to every model; lengths stay the same, so offsets stay valid.
 */
export function foldChinese(text: string): string {
  if (!hasHan(text)) return text;
  toSimplified ??= (require('opencc-js') as typeof import('opencc-js')).Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
/** ICU's dictionary segmenter slows down badly on long runs (270-700 ms for a repetitive 4,000-char message). */
const CHUNK = 32;

/**
 * Chinese words of a Han run, from Node's built-in ICU segmenter (Intl.Segmenter, no dependency).
 * Measured against @node-rs/jieba on SMP2017 and CAIS (nlu/README.md): ICU's words scored 1-2 points
 * higher; jieba is 3x faster per sentence but both are far inside the budget once runs are cut into
 * 32-character chunks (a word split at a chunk edge costs one word feature; character n-grams are unaffected).
 */
export function segmentChinese(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < run.length; i += CHUNK) {
    for (const s of WORDS.segment(run.slice(i, i + CHUNK))) if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/** Loads the segmenter and conversion tables now rather than on the first Chinese message. */
export function warmChinese(): void {
  segmentChinese('预热一下');
  foldChinese('預熱');
}
