import { tokenize } from '../text/analyzer.js';

/** Character n-gram sizes, inside word boundaries (" cov", "ovid", "id ": grams never span two words). */
const MIN_N = 3;
const MAX_N = 5;
/**
 * Each word spreads 1/sqrt(its gram count) over each of its grams. Unscaled, an
 * 11-letter word ("coronavirus", 30 grams) outweighed a whole short question
 * and one FAQ entry won most queries; fully scaled (1/count), short function
 * words dominated instead. The square root is the usual middle ground.
 */
const ALPHA = 0.5;

/** Gram weights of a text. */
export function charGrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of tokenize(text)) {
    const w = ` ${word} `;
    // A long word yields many grams; scaled so it does not outweigh the rest of the sentence.
    const share = 1 / Math.max(1, gramCount(w.length)) ** ALPHA;
    for (let n = MIN_N; n <= MAX_N; n++) {
      for (let i = 0; i + n <= w.length; i++) {
        const g = w.slice(i, i + n);
        counts.set(g, (counts.get(g) ?? 0) + share);
      }
    }
  }
  return counts;
}
function gramCount(len: number): number {
  let c = 0;
  for (let n = MIN_N; n <= MAX_N; n++) c += Math.max(0, len - n + 1);
  return c;
}
