import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { StaticTable } from './static-table.js';

export interface DistilInput {
  source: string;
  pieces: string[];
  scores: number[];
  /** Encoder output for each piece on its own (null for reserved pieces). */
  vectors: (Float32Array | null)[];
  dimensions: number;
  /** SIF smoothing: weight = a / (a + p(piece)); 1e-3 is the SIF paper's usual value. */
  sifA?: number;
}

/** Covariance of the centred rows; typed-array loops (a generic matrix product is ~50x slower at 40k x 512). */
function covariance(rows: Float32Array[], mean: Float64Array): Matrix {
  const d = mean.length;
  const acc = new Float64Array(d * d);
  const c = new Float64Array(d);
  for (const v of rows) {
    for (let i = 0; i < d; i++) c[i] = v[i]! - mean[i]!;
    for (let i = 0; i < d; i++) {
      const ci = c[i]!;
      if (ci === 0) continue;
      const base = i * d;
      for (let j = i; j < d; j++) acc[base + j]! += ci * c[j]!;
    }
  }
  const m = new Matrix(d, d);
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) {
    const v = acc[i * d + j]! / (rows.length - 1);
    m.set(i, j, v);
    m.set(j, i, v);
  }
  return m;
}

/**
 * model2vec-style distillation: centre the pieces' encoder vectors, project them on their top principal
 * components (PCA drops the directions that only separate pieces, not meanings, and shrinks the file), and
 * weight each piece by SIF from its unigram probability so frequent pieces ("the", "s") barely move a mean.
 */
export function distil(input: DistilInput): StaticTable {
  const rows = input.vectors.map((v, i) => (v ? i : -1)).filter((i) => i >= 0);
  const full = input.vectors[rows[0]!]!.length;
  const k = Math.min(input.dimensions, full);
  const mean = new Float64Array(full);
  for (const r of rows) for (let d = 0; d < full; d++) mean[d]! += input.vectors[r]![d]! / rows.length;
  const evd = new EigenvalueDecomposition(covariance(rows.map((r) => input.vectors[r]!), mean), { assumeSymmetric: true });
  // Eigenvalues come back ascending: take the k largest.
  const order = evd.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).slice(0, k).map(([, i]) => i);
  const evecs = evd.eigenvectorMatrix;
  const basis = new Float64Array(k * full);
  order.forEach((col, j) => {
    for (let d = 0; d < full; d++) basis[j * full + d] = evecs.get(d, col);
  });
  const a = input.sifA ?? 1e-3;
  const vectors = new Float32Array(input.pieces.length * k);
  const weights = new Float32Array(input.pieces.length);
  const centred = new Float64Array(full);
  for (const r of rows) {
    const v = input.vectors[r]!;
    for (let d = 0; d < full; d++) centred[d] = v[d]! - mean[d]!;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let d = 0; d < full; d++) s += centred[d]! * basis[j * full + d]!;
      vectors[r * k + j] = s;
    }
    weights[r] = a / (a + Math.exp(input.scores[r]!));
  }
  return { source: input.source, dimensions: k, pieces: input.pieces, scores: input.scores, weights, vectors };
}
