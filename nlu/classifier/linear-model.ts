import type { SparseVector } from './features.js';

/** Multinomial logistic regression over compact feature rows: W is row-major [rows x classes]. */
export class LinearModel {
  constructor(
    readonly classes: number,
    readonly rows: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  static zeros(classes: number, rows: number): LinearModel {
    return new LinearModel(classes, rows, new Float32Array(rows * classes), new Float32Array(classes));
  }

  logits(x: SparseVector, out = new Float64Array(this.classes)): Float64Array {
    const c = this.classes;
    for (let k = 0; k < c; k++) out[k] = this.bias[k] ?? 0;
    for (let i = 0; i < x.rows.length; i++) {
      const base = (x.rows[i] ?? 0) * c;
      const v = x.vals[i] ?? 0;
      for (let k = 0; k < c; k++) out[k] = (out[k] ?? 0) + v * (this.weights[base + k] ?? 0);
    }
    return out;
  }
}

/** In-place softmax of logits / temperature; returns the array. */
export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp(((logits[k] ?? 0) - max) / temperature);
    logits[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) logits[k] = (logits[k] ?? 0) / sum;
  return logits;
}

/** Linear blend; NLP.js scores are renormalised over the known classes. */
export function blend(linear: Float64Array, other: Float64Array, weight: number): Float64Array {
  let sum = 0;
  for (const v of other) sum += v;
  const out = new Float64Array(linear.length);
  for (let k = 0; k < linear.length; k++) {
    const o = sum > 0 ? (other[k] ?? 0) / sum : 0;
    out[k] = sum > 0 ? (1 - weight) * (linear[k] ?? 0) + weight * o : (linear[k] ?? 0);
  }
  return out;
}
