import { combine, fnv1a } from './hash.js';
import { hanRuns, hasHan } from '../../core/index.js';
import { modelTokens, normalizeForModel } from '../text/normalize.js';

/** Hashing-trick width: 2^18 buckets keeps collisions rare for a few hundred thousand distinct n-grams. */
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;
const SEED_WORD = 1;
const SEED_BIGRAM = 2;
const SEED_CHAR = 3;
const MIN_N = 2;
const MAX_N = 5;

/** Raw bucket counts of one text, split into word (1-2-gram) and char_wb (2-5-gram) families. */
export interface RawFeatures {
  word: Map<number, number>;
  char: Map<number, number>;
}

function bump(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's'];

export function crudeStem(tok: string): string {
  for (const suf of SUFFIXES) {
    if (tok.length - suf.length >= 3 && tok.endsWith(suf)) {
      const base = tok.slice(0, -suf.length);
      return suf === 'ies' || suf === 'ied' ? `${base}y` : base.replace(/(.)\1$/, '$1');
    }
  }
  return tok;
}

/** Han characters carry about a syllable-word each: 1-3-grams over the whole run, across word boundaries. */
const HAN_MAX_N = 3;

export function rawFeatures(text: string): RawFeatures {
  const normalized = normalizeForModel(text);
  const toks = modelTokens(normalized);
  const word = new Map<number, number>();
  const char = new Map<number, number>();
  let prev = -1;
  for (const tok of toks) {
    const h = fnv1a(tok, SEED_WORD);
    bump(word, h & MASK);
    // A crude stem as an extra feature: "cancelled", "cancelling" and "cancel" share one.
    const stem = crudeStem(tok);
    if (stem !== tok) bump(word, fnv1a(stem, SEED_WORD) & MASK);
    if (prev >= 0) bump(word, combine(prev, h) & MASK);
    prev = h;
    if (hasHan(tok)) continue; // Chinese character n-grams come from the whole run below
    // char_wb: n-grams of the space-padded word, so prefixes/suffixes are marked.
    const padded = ` ${tok} `;
    for (let n = MIN_N; n <= MAX_N; n++) {
      for (let i = 0; i + n <= padded.length; i++) bump(char, fnv1a(padded, SEED_CHAR + n, i, i + n) & MASK);
    }
  }
  for (const run of hanRuns(normalized)) {
    // Padding marks the run's start and end, as char_wb does for a word; padded grams only for n >= 2.
    const padded = ` ${run.text} `;
    for (let n = 1; n <= HAN_MAX_N; n++) {
      const lo = n === 1 ? 1 : 0;
      const hi = n === 1 ? padded.length - 1 : padded.length;
      for (let i = lo; i + n <= hi; i++) bump(char, fnv1a(padded, SEED_CHAR + n, i, i + n) & MASK);
    }
  }
  // Bigram seed marks word bigrams distinct from unigrams even when hashes collide.
  if (toks.length === 0) return { word, char };
  bump(word, combine(SEED_BIGRAM, fnv1a(toks[0] ?? '', SEED_WORD)) & MASK);
  return { word, char };
}

/** A sparse, L2-normalised vector over the model's compact feature rows. */
export interface SparseVector {
  rows: Int32Array;
  vals: Float32Array;
  /** Share of the vector's mass on features the model knows (0 for entirely unknown text). */
  coverage: number;
}
