import { charGrams } from './char-grams.js';

export { charGrams } from './char-grams.js';

/** Postings read to nominate candidates, rarest grams first (a small FAQ fits whole). */
const POSTING_BUDGET = 4_000;
/** Query grams used, rarest first (a 4,000-char paste has thousands). */
const MAX_QUERY_GRAMS = 256;
/** Nominated texts scored exactly. */
const CANDIDATES = 100;
/** Norms use idf; they are recomputed when the collection size has drifted this much since. */
const NORM_DRIFT = 0.25;

interface Text {
  key: string;
  /** Gram ids, ascending, and their weights: compact (30k texts of Maps made GC pauses the p99). */
  ids: Int32Array;
  ws: Float32Array;
  norm: number;
}

interface Posting {
  slots: number[];
  weights: number[];
}

/** Dead postings tolerated before a compaction (and at least as many as live texts). */
const MIN_DEAD_FOR_COMPACTION = 1000;

/**
 * TF-IDF cosine over character n-grams: a second lexical view that survives
 * typos ("symptons"), morphology and split/joined words, where word-level
 * BM25 sees no overlap at all. Texts are added and removed incrementally:
 * a removed text leaves dead postings that searches skip, compacted once
 * they outnumber the live ones (amortised, no rebuild per edit).
 */
export class CharNgramIndex {
  private texts: (Text | null)[] = [];
  private slotOf = new Map<string, number>();
  private gramIds = new Map<string, number>();
  private postings: Posting[] = [];
  /** Live document frequency per gram id (postings may also hold dead slots). */
  private df: number[] = [];
  private dead = 0;
  private normedAt = 0;
  private acc = new Float64Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  private idf(df: number): number {
    return Math.log(1 + this.slotOf.size / Math.max(1, df));
  }

  private normOf(t: Text): number {
    let s = 0;
    for (let i = 0; i < t.ids.length; i++) {
      const x = t.ws[i]! * this.idf(this.df[t.ids[i]!] ?? 1);
      s += x * x;
    }
    return Math.sqrt(s) || 1;
  }

  private post(t: Text, slot: number): void {
    for (let i = 0; i < t.ids.length; i++) {
      const id = t.ids[i]!;
      const p = (this.postings[id] ??= { slots: [], weights: [] });
      p.slots.push(slot);
      p.weights.push(t.ws[i]!);
      this.df[id] = (this.df[id] ?? 0) + 1;
    }
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
    const t: Text = { key, ids: Int32Array.from(pairs, (x) => x[0]), ws: Float32Array.from(pairs, (x) => x[1]), norm: 1 };
    const slot = this.texts.length;
    this.post(t, slot);
    this.slotOf.set(key, slot);
    this.texts.push(t);
    t.norm = this.normOf(t);
    this.maybeRenorm();
  }

  delete(key: string): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    for (const id of this.texts[slot]!.ids) this.df[id] = (this.df[id] ?? 1) - 1;
    this.texts[slot] = null;
    this.slotOf.delete(key);
    this.dead++;
    if (this.dead >= MIN_DEAD_FOR_COMPACTION && this.dead > this.slotOf.size) this.compact();
    this.maybeRenorm();
  }

  /** Renumbers the live texts and rebuilds the postings without the dead ones. */
  private compact(): void {
    const live = this.texts.filter((t): t is Text => t !== null);
    this.texts = [];
    this.slotOf.clear();
    this.postings = [];
    this.df = [];
    this.dead = 0;
    for (const t of live) {
      const slot = this.texts.length;
      this.post(t, slot);
      this.slotOf.set(t.key, slot);
      this.texts.push(t);
    }
  }

  private maybeRenorm(): void {
    if (Math.abs(this.slotOf.size - this.normedAt) <= NORM_DRIFT * Math.max(this.normedAt, 8)) return;
    this.refreshNorms();
  }

  /** Recomputes the norms of some texts (a FAQ entry's phrasings after they were all set: they share grams). */
  refreshNormsOf(keys: string[]): void {
    for (const k of keys) {
      const slot = this.slotOf.get(k);
      const t = slot === undefined ? null : this.texts[slot];
      if (t) t.norm = this.normOf(t);
    }
  }

  /**
   * Recomputes every norm with the current idf. Called after a bulk load:
   * otherwise texts added early keep norms from a smaller collection and the
   * ranking depends on insertion order (it moved CovidFAQ R@1 by 3 points).
   */
  refreshNorms(): void {
    for (const t of this.texts) if (t) t.norm = this.normOf(t);
    this.normedAt = this.slotOf.size;
  }

  /**
   * Cosine similarity (0-1) of the query to the texts that share its rarer
   * grams. Two phases keep a large FAQ fast: the rarest grams' postings (up to
   * a budget) nominate candidates, then each of the best CANDIDATES is scored
   * exactly over all the query's grams. A small FAQ fits the budget whole.
   */
  search(query: string, accept?: (key: string) => boolean): Map<string, number> {
    let qNorm = 0;
    let known: { id: number; f: number; df: number }[] = [];
    for (const [g, w] of charGrams(query)) {
      const id = this.gramIds.get(g);
      const df = id === undefined ? 0 : (this.df[id] ?? 0);
      const idf = this.idf(df);
      // The query norm counts every gram (unknown ones too): a query mostly made of unseen text matches weakly.
      qNorm += w * idf * w * idf;
      if (id !== undefined && df > 0) known.push({ id, f: w * idf * idf, df });
    }
    qNorm = Math.sqrt(qNorm) || 1;
    // A pasted page has thousands of grams; its rarest ones decide.
    known.sort((a, b) => a.df - b.df);
    if (known.length > MAX_QUERY_GRAMS) known = known.slice(0, MAX_QUERY_GRAMS);
    const nominated = this.nominate(known);
    known.sort((a, b) => a.id - b.id);
    const out = new Map<string, number>();
    for (const slot of nominated) {
      const t = this.texts[slot]!;
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

  /** Live texts sharing the rarest query grams, the best CANDIDATES by partial score. */
  private nominate(known: { id: number; f: number }[]): number[] {
    if (this.acc.length < this.texts.length) this.acc = new Float64Array(this.texts.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    let scanned = 0;
    for (const { id, f } of known) {
      const p = this.postings[id];
      if (!p || (scanned > 0 && scanned + p.slots.length > POSTING_BUDGET)) break;
      scanned += p.slots.length;
      const { slots, weights } = p;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (acc[slot] === 0) touched.push(slot);
        acc[slot] = acc[slot]! + f * weights[i]!;
      }
    }
    let nominated = touched.filter((slot) => this.texts[slot] !== null);
    if (nominated.length > CANDIDATES) {
      // Cut-off = the CANDIDATES-th best partial score (a native numeric sort; a comparator sort cost milliseconds).
      const partial = Float64Array.from(nominated, (slot) => acc[slot]!).sort();
      const cut = partial[partial.length - CANDIDATES]!;
      nominated = nominated.filter((slot) => acc[slot]! >= cut).slice(0, CANDIDATES);
    }
    for (const slot of touched) acc[slot] = 0;
    return nominated;
  }
}
