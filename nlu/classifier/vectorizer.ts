import { HASH_BITS, type RawFeatures, type SparseVector } from './features.js';

/** Serialisable state: which hash buckets are model rows, and their IDF weights. */
export interface VectorizerState {
  buckets: number[];
  idf: number[];
  /** IDF an unseen feature would have: unknown features still count in the norm. */
  unseenIdf: number;
}

/**
 * TF-IDF (sublinear tf) per family, each family L2-normalised then mixed equally.
 * Unknown features stay in the norm, so text made of unfamiliar words yields a
 * short vector, low logits and a flat (low-confidence) distribution: an
 * out-of-scope signal for free.
 */
export class Vectorizer {
  private readonly rowOf: Int32Array;
  private readonly idf: Float32Array;
  readonly size: number;

  constructor(readonly state: VectorizerState) {
    this.rowOf = new Int32Array(1 << HASH_BITS).fill(-1);
    state.buckets.forEach((b, row) => (this.rowOf[b] = row));
    this.idf = Float32Array.from(state.idf);
    this.size = state.buckets.length;
  }

  static fit(docs: RawFeatures[], minDf = 1): Vectorizer {
    const df = new Map<number, number>();
    for (const d of docs) {
      for (const k of d.word.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      for (const k of d.char.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    }
    const n = docs.length;
    const buckets: number[] = [];
    const idf: number[] = [];
    for (const [k, c] of [...df.entries()].sort((a, b) => a[0] - b[0])) {
      if (c < minDf) continue;
      buckets.push(k);
      idf.push(Math.log((1 + n) / (1 + c)) + 1);
    }
    return new Vectorizer({ buckets, idf, unseenIdf: Math.log(1 + n) + 1 });
  }

  transform(raw: RawFeatures): SparseVector {
    const rows: number[] = [];
    const vals: number[] = [];
    let known = 0;
    let total = 0;
    for (const family of [raw.word, raw.char]) {
      const start = rows.length;
      let norm = 0;
      for (const [bucket, count] of family) {
        const row = this.rowOf[bucket] ?? -1;
        const w = (1 + Math.log(count)) * (row >= 0 ? (this.idf[row] ?? 0) : this.state.unseenIdf);
        norm += w * w;
        if (row >= 0) {
          rows.push(row);
          vals.push(w);
        }
      }
      if (norm === 0) continue;
      // Each family gets unit length, then both are scaled by 1/sqrt(2) so the whole vector is at most unit length.
      const scale = 1 / Math.sqrt(norm * 2);
      for (let i = start; i < rows.length; i++) {
        const v = (vals[i] ?? 0) * scale;
        vals[i] = v;
        known += v * v;
      }
      total += 0.5;
    }
    return { rows: Int32Array.from(rows), vals: Float32Array.from(vals), coverage: total === 0 ? 0 : known / total };
  }
}
