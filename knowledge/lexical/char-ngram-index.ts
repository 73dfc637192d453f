import { tokenize } from '../text/analyzer.js';

/** Character n-gram sizes, inside word boundaries (" cov", "ovid", "id ": grams never span two words). */
const MIN_N = 3;
const MAX_N = 5;
/** Grams in more than this share of the texts carry almost no information and cost a long posting scan. */
const MAX_DF_SHARE = 0.25;
/** Below this many texts every gram is scored (a small FAQ has no "common" grams to skip). */
const MIN_TEXTS_FOR_DF_CUT = 400;
/** Query grams considered (a 4,000-char paste has thousands; the rarest matter). */
const MAX_QUERY_GRAMS = 400;
/** Norms use idf; they are recomputed when the collection size has drifted this much since. */
const NORM_DRIFT = 0.25;

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

interface Text {
  key: string;
  grams: Map<string, number>;
  norm: number;
}

/**
 * TF-IDF cosine over character n-grams: a second lexical view that survives
 * typos ("symptons"), morphology and split/joined words, where word-level
 * BM25 sees no overlap at all. Texts are added and removed incrementally;
 * postings hold slot numbers, removed slots are reused.
 */
export class CharNgramIndex {
  private texts: (Text | null)[] = [];
  private free: number[] = [];
  private slotOf = new Map<string, number>();
  private postings = new Map<string, Set<number>>();
  private normedAt = 0;

  get size(): number {
    return this.slotOf.size;
  }

  private idf(df: number): number {
    return Math.log(1 + this.slotOf.size / Math.max(1, df));
  }

  private normOf(grams: Map<string, number>): number {
    let s = 0;
    for (const [g, w] of grams) {
      const x = w * this.idf(this.postings.get(g)?.size ?? 1);
      s += x * x;
    }
    return Math.sqrt(s) || 1;
  }

  set(key: string, text: string): void {
    this.delete(key);
    const grams = charGrams(text);
    if (grams.size === 0) return;
    const slot = this.free.pop() ?? this.texts.length;
    for (const g of grams.keys()) {
      let p = this.postings.get(g);
      if (!p) this.postings.set(g, (p = new Set()));
      p.add(slot);
    }
    this.slotOf.set(key, slot);
    this.texts[slot] = { key, grams, norm: this.normOf(grams) };
    this.maybeRenorm();
  }

  delete(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    for (const g of this.texts[slot]!.grams.keys()) {
      const p = this.postings.get(g);
      p?.delete(slot);
      if (p && p.size === 0) this.postings.delete(g);
    }
    this.texts[slot] = null;
    this.slotOf.delete(key);
    this.free.push(slot);
    this.maybeRenorm();
  }

  private maybeRenorm(): void {
    const n = this.slotOf.size;
    if (Math.abs(n - this.normedAt) <= NORM_DRIFT * Math.max(this.normedAt, 8)) return;
    for (const t of this.texts) if (t) t.norm = this.normOf(t.grams);
    this.normedAt = n;
  }

  /** Cosine similarity (0-1) of the query to every text sharing an informative gram. */
  search(query: string, accept?: (key: string) => boolean): Map<string, number> {
    const n = this.slotOf.size;
    const maxDf = n < MIN_TEXTS_FOR_DF_CUT ? n : MAX_DF_SHARE * n;
    const grams = charGrams(query);
    const q = [...grams]
      .map(([g, w]) => ({ g, w, p: this.postings.get(g) }))
      .filter((x) => x.p !== undefined && x.p.size <= maxDf)
      .sort((a, b) => a.p!.size - b.p!.size)
      .slice(0, MAX_QUERY_GRAMS);
    const all = grams;
    let qNorm = 0;
    // The query norm counts every gram (unknown ones too): a query mostly made of unseen text matches weakly.
    for (const [g, w] of all) {
      const x = w * this.idf(this.postings.get(g)?.size ?? 0);
      qNorm += x * x;
    }
    qNorm = Math.sqrt(qNorm) || 1;
    const acc = new Map<number, number>();
    for (const { g, w, p } of q) {
      const idf = this.idf(p!.size);
      for (const slot of p!) {
        const dw = this.texts[slot]!.grams.get(g)!;
        acc.set(slot, (acc.get(slot) ?? 0) + w * idf * dw * idf);
      }
    }
    const out = new Map<string, number>();
    for (const [slot, dot] of acc) {
      const t = this.texts[slot]!;
      if (accept && !accept(t.key)) continue;
      out.set(t.key, dot / (qNorm * t.norm));
    }
    return out;
  }
}
