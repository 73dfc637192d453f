import type { ItemUsers } from './item-users.js';
import { ScoreBuffer, topK } from './top-k.js';

/** Each product's `k` most similar products (cosine over who bought them), best first. */
export interface ItemNeighbours {
  k: number;
  start: Int32Array;
  idx: Int32Array;
  sim: Float32Array;
}

/**
 * Sparse item-kNN: row by row of X^T X (X = customer x product, binary), so memory is one dense row plus the kept
 * neighbours, never products^2. Cost = sum over customers of (distinct products)^2.
 */
export function itemNeighbours(baskets: readonly Int32Array[], iu: ItemUsers, k: number): ItemNeighbours {
  const m = iu.start.length - 1;
  const n = (p: number) => iu.start[p + 1]! - iu.start[p]!;
  const buf = new ScoreBuffer(m);
  const start = new Int32Array(m + 1);
  const idx: number[] = [];
  const sim: number[] = [];
  for (let p = 0; p < m; p++) {
    for (let x = iu.start[p]!; x < iu.start[p + 1]!; x++) for (const q of baskets[iu.users[x]!]!) if (q !== p) buf.add(q, 1);
    const np = n(p);
    for (const q of buf.touched) buf.score[q] = buf.score[q]! / Math.sqrt(np * n(q));
    for (const q of topK(buf.touched, buf.score, k)) idx.push(q), sim.push(buf.score[q]!);
    buf.reset();
    start[p + 1] = idx.length;
  }
  return { k, start, idx: Int32Array.from(idx), sim: Float32Array.from(sim) };
}

/** Adds sum over the customer's products of their neighbours' similarities (first `k` neighbours of each). */
export function scoreKnn(nb: ItemNeighbours, items: ArrayLike<number>, into: ScoreBuffer, k = nb.k, weight = 1): void {
  for (let i = 0; i < items.length; i++) {
    const p = items[i]!;
    const to = Math.min(nb.start[p + 1]!, nb.start[p]! + k);
    for (let x = nb.start[p]!; x < to; x++) into.add(nb.idx[x]!, weight * nb.sim[x]!);
  }
}
