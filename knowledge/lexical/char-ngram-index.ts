import { charGrams } from './char-grams.js';
import { GramPostings, type GramText } from './gram-postings.js';

export { charGrams } from './char-grams.js';

/** Query grams used, rarest first (a 4,000-char paste has thousands). */
const MAX_QUERY_GRAMS = 256;
/** Norms use idf; they are recomputed when the collection size has drifted this much since. */
const NORM_DRIFT = 0.25;

/**
 * TF-IDF cosine over character n-grams: a second lexical view that survives
 * typos ("symptons"), morphology and split/joined words, where word-level
 * BM25 sees no overlap at all. Texts are added and removed incrementally:
 * a removed text leaves dead postings that searches skip, compacted once
 * they outnumber the live ones (amortised, no rebuild per edit).
 */
export class CharNgramIndex {
  private store = new GramPostings();
  private gramIds = new Map<string, number>();
  private normedAt = 0;

  get size(): number {
    return this.store.size;
  }

  private idf(df: number): number {
    return Math.log(1 + this.store.size / Math.max(1, df));
  }

  private normOf(t: GramText): number {
    let s = 0;
    for (let i = 0; i < t.ids.length; i++) {
      const x = t.ws[i]! * this.idf(this.store.dfOf(t.ids[i]!) || 1);
      s += x * x;
    }
    return Math.sqrt(s) || 1;
  }

  set(key: string, text: string): void {
    this.delete(key);
    const grams = charGrams(text);
    if (grams.size === 0) return;
    const pairs: [number, number][] = [];
    for (const [g, w] of grams) {
      let id = this.gramIds.get(g);
      if (id === undefined) this.gramIds.set(g, (id = this.gramIds.size));
      pairs.push([id, w]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const t: GramText = { key, ids: Int32Array.from(pairs, (x) => x[0]), ws: Float32Array.from(pairs, (x) => x[1]), norm: 1 };
    this.store.add(t);
    t.norm = this.normOf(t);
    this.maybeRenorm();
  }

  delete(key: string): void {
    if (this.store.remove(key)) this.maybeRenorm();
  }

  private maybeRenorm(): void {
    if (Math.abs(this.store.size - this.normedAt) <= NORM_DRIFT * Math.max(this.normedAt, 8)) return;
    this.refreshNorms();
  }

  /** Recomputes the norms of some texts (a FAQ entry's phrasings after they were all set: they share grams). */
  refreshNormsOf(keys: string[]): void {
    for (const k of keys) {
      const t = this.store.get(k);
      if (t) t.norm = this.normOf(t);
    }
  }

  /**
   * Recomputes every norm with the current idf. Called after a bulk load:
   * otherwise texts added early keep norms from a smaller collection and the
   * ranking depends on insertion order (it moved CovidFAQ R@1 by 3 points).
   */
  refreshNorms(): void {
    for (const t of this.store.texts) if (t) t.norm = this.normOf(t);
    this.normedAt = this.store.size;
  }

  /**
   * Cosine similarity (0-1) of the query to the texts that share its rarer
   * grams. Two phases keep a large FAQ fast: the rarest grams' postings (up to
   * a budget) nominate candidates, then each nominee is scored exactly over
   * all the query's grams. A small FAQ fits the budget whole.
   */
  search(query: string, accept?: (key: string) => boolean): Map<string, number> {
    let qNorm = 0;
    let known: { id: number; f: number; df: number }[] = [];
    for (const [g, w] of charGrams(query)) {
      const id = this.gramIds.get(g);
      const df = id === undefined ? 0 : this.store.dfOf(id);
      const idf = this.idf(df);
      // The query norm counts every gram (unknown ones too): a query mostly made of unseen text matches weakly.
      qNorm += w * idf * w * idf;
      if (id !== undefined && df > 0) known.push({ id, f: w * idf * idf, df });
    }
    qNorm = Math.sqrt(qNorm) || 1;
    // A pasted page has thousands of grams; its rarest ones decide.
    known.sort((a, b) => a.df - b.df);
    if (known.length > MAX_QUERY_GRAMS) known = known.slice(0, MAX_QUERY_GRAMS);
    const nominated = this.store.nominate(known);
    known.sort((a, b) => a.id - b.id);
    const out = new Map<string, number>();
    for (const slot of nominated) {
      const t = this.store.texts[slot]!;
      if (accept && !accept(t.key)) continue;
      // Both id lists ascending: a merge walk.
      let dot = 0;
      for (let i = 0, j = 0; i < known.length && j < t.ids.length; ) {
        const a = known[i]!.id;
        const b = t.ids[j]!;
        if (a === b) dot += known[i++]!.f * t.ws[j++]!;
        else if (a < b) i++;
        else j++;
      }
      out.set(t.key, dot / (qNorm * t.norm));
    }
    return out;
  }
}
