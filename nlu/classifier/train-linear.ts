import type { SparseVector } from './features.js';
import { LinearModel, softmax } from './linear-model.js';
import { seededRandom, shuffleInPlace } from './random.js';

export interface LinearTrainOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 strength per example. */
  l2?: number;
  seed?: number;
  /** Per-example weights (default 1): scales that example's gradient. */
  weights?: Float32Array;
  onEpoch?(done: number, total: number): void;
}

/**
 * Plain SGD on softmax cross-entropy with exact L2 through a global weight
 * scale (W_true = scale * W): each step touches only the example's rows, so an
 * epoch over 15k utterances costs ~rows x classes per example, not the whole matrix.
 */
export function trainLinear(
  xs: SparseVector[],
  ys: Int32Array,
  classes: number,
  rows: number,
  opts: LinearTrainOptions = {},
): LinearModel {
  const epochs = opts.epochs ?? 12;
  const lr0 = opts.learningRate ?? 0.8;
  const l2 = opts.l2 ?? 1e-5;
  const rand = seededRandom(opts.seed ?? 7);
  const model = LinearModel.zeros(classes, rows);
  const W = model.weights;
  const b = model.bias;
  const order = xs.map((_, i) => i);
  const probs = new Float64Array(classes);
  let scale = 1;
  const steps = Math.max(1, epochs * xs.length);
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const i of order) {
      const x = xs[i] as SparseVector;
      const y = ys[i] ?? 0;
      // Linear decay to 5% of the initial rate: large early moves, stable end point.
      const lr = lr0 * (1 - 0.95 * (t++ / steps)) * (opts.weights?.[i] ?? 1);
      for (let k = 0; k < classes; k++) probs[k] = b[k] ?? 0;
      for (let j = 0; j < x.rows.length; j++) {
        const base = (x.rows[j] ?? 0) * classes;
        const v = (x.vals[j] ?? 0) * scale;
        for (let k = 0; k < classes; k++) probs[k] = (probs[k] ?? 0) + v * (W[base + k] ?? 0);
      }
      softmax(probs);
      probs[y] = (probs[y] ?? 0) - 1;
      scale *= 1 - lr * l2;
      const step = lr / scale;
      for (let j = 0; j < x.rows.length; j++) {
        const base = (x.rows[j] ?? 0) * classes;
        const v = (x.vals[j] ?? 0) * step;
        for (let k = 0; k < classes; k++) W[base + k] = (W[base + k] ?? 0) - v * (probs[k] ?? 0);
      }
      for (let k = 0; k < classes; k++) b[k] = (b[k] ?? 0) - lr * (probs[k] ?? 0);
      if (scale < 1e-4) {
        for (let j = 0; j < W.length; j++) W[j] = (W[j] ?? 0) * scale;
        scale = 1;
      }
    }
    opts.onEpoch?.(epoch + 1, epochs);
  }
  for (let j = 0; j < W.length; j++) W[j] = (W[j] ?? 0) * scale;
  return model;
}
