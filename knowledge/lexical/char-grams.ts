import { foldChinese, hanRuns } from '../../core/index.js';
import { latinTokens } from '../text/analyzer.js';

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

/**
 * Han characters are about a syllable-word each: 1-2-grams over the whole run (it has no word boundaries).
 * On ATEC-a the n-gram view alone reached R@1 .135 with 1-2-grams, .122 with 1-3 (first 1,500 queries).
 */
const HAN_MAX_N = 2;

function addHanGrams(run: string, counts: Map<string, number>): void {
  const w = ` ${run} `;
  const grams: string[] = [];
  for (let n = 1; n <= HAN_MAX_N; n++) {
    for (let i = 0; i + n <= w.length; i++) {
      const g = w.slice(i, i + n);
      if (g.trim() !== '' && !(n === 1 && g === ' ')) grams.push(g);
    }
  }
  // Same spread as a word's grams: a long run must not outweigh the rest of a mixed message.
  const share = 1 / Math.max(1, grams.length) ** ALPHA;
  for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + share);
}

/** Gram weights of a text. */
export function charGrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const folded = foldChinese(text.normalize('NFKC'));
  for (const run of hanRuns(folded)) addHanGrams(run.text, counts);
  for (const word of latinTokens(folded)) {
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
