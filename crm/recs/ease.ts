import type { ItemNeighbours } from './item-knn.js';
import type { ItemUsers } from './item-users.js';
import { topK } from './top-k.js';

/**
 * EASE (Steck 2019): B = I - P diagMat(1 / diag(P)), P = (X^T X + lambda I)^-1, on the `n` most bought products
 * (a dense n x n inverse: n^3 / 2 multiply-adds, so n is bounded, see recs/README). `lambda` is relative to the
 * mean of diag(X^T X) (the mean buyers per product), which makes one value meaningful across catalogues.
 */
export type EaseModel = ItemNeighbours;

/**
 * Weights kept per product: the 100 largest in magnitude (negative ones matter: they push away). Scoring is then a sparse sum (a dense row of 1,000 per
 * product bought cost 10x more at 100k customers), and on retail 100 scored the same as the dense model (README).
 */
export const EASE_KEEP = 100;

export function fitEase(baskets: readonly Int32Array[], iu: ItemUsers, maxItems: number, lambdaRel: number, keep = EASE_KEEP): EaseModel {
  const m = iu.start.length - 1;
  const byBuyers = Array.from({ length: m }, (_, p) => p).sort((a, b) => iu.start[b + 1]! - iu.start[b]! - (iu.start[a + 1]! - iu.start[a]!) || a - b);
  const items = Int32Array.from(byBuyers.slice(0, Math.min(m, maxItems)));
  const n = items.length;
  const row = new Int32Array(m).fill(-1);
  items.forEach((p, r) => (row[p] = r));
  const g = new Float64Array(n * n);
  const rows: number[] = [];
  for (const basket of baskets) {
    rows.length = 0;
    for (const p of basket) if (row[p]! >= 0) rows.push(row[p]!);
    for (const a of rows) for (const c of rows) if (c <= a) g[a * n + c]! += 1;
  }
  let diag = 0;
  for (let a = 0; a < n; a++) diag += g[a * n + a]! / n;
  for (let a = 0; a < n; a++) g[a * n + a]! += lambdaRel * diag;
  const p = spdInverse(g, n);
  const pd = Float64Array.from({ length: n }, (_, c) => p[c * n + c]!);
  // Sparse rows over products: B[a][c] = -P[a][c] / P[c][c], diagonal 0, the largest `keep` positive ones.
  const start = new Int32Array(m + 1);
  const idx: number[] = [];
  const sim: number[] = [];
  const rowB = new Float64Array(n);
  const absB = new Float64Array(n);
  const cols = Int32Array.from({ length: n }, (_, c) => c);
  for (let prod = 0; prod < m; prod++) {
    const a = row[prod]!;
    if (a >= 0) {
      for (let c = 0; c < n; c++) (rowB[c] = a === c ? 0 : -p[a * n + c]! / pd[c]!), (absB[c] = Math.abs(rowB[c]!));
      // keep >= n: the dense model (negative weights too), for the eval's EASE baseline.
      const kept = keep >= n ? cols.filter((c) => c !== a) : topK(cols, absB, keep);
      for (const c of kept) idx.push(items[c]!), sim.push(rowB[c]!);
    }
    start[prod + 1] = idx.length;
  }
  return { k: keep, start, idx: Int32Array.from(idx), sim: Float32Array.from(sim) };
}

/**
 * Inverse of a symmetric positive definite matrix whose lower triangle is given (row-major): Cholesky A = L L^T,
 * then L^-1 by forward substitution, then A^-1 = L^-T L^-1. Every inner loop runs along a row (contiguous).
 */
export function spdInverse(a: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let s = a[rj + j]!;
    for (let k = 0; k < j; k++) s -= a[rj + k]! * a[rj + k]!;
    if (!(s > 0)) throw new Error('matrix is not positive definite');
    const d = Math.sqrt(s);
    a[rj + j] = d;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let t = a[ri + j]!;
      for (let k = 0; k < j; k++) t -= a[ri + k]! * a[rj + k]!;
      a[ri + j] = t / d;
    }
  }
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    x[ri + i] = 1;
    for (let k = 0; k < i; k++) {
      const l = a[ri + k]!;
      if (l === 0) continue;
      const rk = k * n;
      for (let c = 0; c <= k; c++) x[ri + c]! -= l * x[rk + c]!;
    }
    const d = a[ri + i]!;
    for (let c = 0; c <= i; c++) x[ri + c]! /= d;
  }
  const p = a.fill(0);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let r = 0; r <= i; r++) {
      const xr = x[ri + r]!;
      if (xr === 0) continue;
      const pr = r * n;
      for (let c = 0; c <= r; c++) p[pr + c]! += xr * x[ri + c]!;
    }
  }
  for (let r = 0; r < n; r++) for (let c = 0; c < r; c++) p[c * n + r] = p[r * n + c]!;
  return p;
}
