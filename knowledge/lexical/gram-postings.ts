/** Postings read to nominate candidates, rarest grams first (a small FAQ fits whole). */
const POSTING_BUDGET = 4_000;
/** Nominated texts scored exactly. */
const CANDIDATES = 100;
/** Dead postings tolerated before a compaction (and at least as many as live texts). */
const MIN_DEAD_FOR_COMPACTION = 1000;

export interface GramText {
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

/**
 * Texts in slots with an inverted index from gram id to (slot, weight), and
 * live document frequencies. A removed text leaves dead postings that
 * readers skip, compacted once they outnumber the live ones (amortised, no
 * rebuild per edit).
 */
export class GramPostings {
  texts: (GramText | null)[] = [];
  readonly slotOf = new Map<string, number>();
  private postings: Posting[] = [];
  /** Live document frequency per gram id (postings may also hold dead slots). */
  private df: number[] = [];
  private dead = 0;
  private acc = new Float64Array(0);

  get size(): number {
    return this.slotOf.size;
  }

  dfOf(id: number): number {
    return this.df[id] ?? 0;
  }

  add(t: GramText): void {
    const slot = this.texts.length;
    this.post(t, slot);
    this.slotOf.set(t.key, slot);
    this.texts.push(t);
  }

  get(key: string): GramText | null {
    const slot = this.slotOf.get(key);
    return slot === undefined ? null : (this.texts[slot] ?? null);
  }

  remove(key: string): boolean {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return false;
    for (const id of this.texts[slot]!.ids) this.df[id] = (this.df[id] ?? 1) - 1;
    this.texts[slot] = null;
    this.slotOf.delete(key);
    this.dead++;
    if (this.dead >= MIN_DEAD_FOR_COMPACTION && this.dead > this.slotOf.size) this.compact();
    return true;
  }

  private post(t: GramText, slot: number): void {
    for (let i = 0; i < t.ids.length; i++) {
      const id = t.ids[i]!;
      const p = (this.postings[id] ??= { slots: [], weights: [] });
      p.slots.push(slot);
      p.weights.push(t.ws[i]!);
      this.df[id] = (this.df[id] ?? 0) + 1;
    }
  }

  /** Renumbers the live texts and rebuilds the postings without the dead ones. */
  private compact(): void {
    const live = this.texts.filter((t): t is GramText => t !== null);
    this.texts = [];
    this.slotOf.clear();
    this.postings = [];
    this.df = [];
    this.dead = 0;
    for (const t of live) this.add(t);
  }

  /** Live texts sharing the rarest query grams (given rarest first), the best CANDIDATES by partial score. */
  nominate(known: { id: number; f: number }[]): number[] {
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
