import type { SparseVector } from './features.js';
import { LinearModel, softmax } from './linear-model.js';
import { seededRandom, shuffleInPlace } from './random.js';
import type { LinearTrainOptions } from './train-linear.js';

/** Sentence vectors for texts, from whatever embedding model the deployment has installed. */
export type EmbedTexts = (texts: string[]) => Promise<Float32Array[]>;

/** The embedding model a semantic member was trained with: analysis must use the same one. */
export interface SemanticSource {
  model: string;
  embed: EmbedTexts;
}

const rowsOf = new Map<number, Int32Array>();
const GRADIENT_FLOOR = 1e-4;

/** A dense sentence vector as the sparse input the linear trainer and scorer read (every row present). */
export function denseInput(v: Float32Array): SparseVector {
  let rows = rowsOf.get(v.length);
  if (!rows) {
    rows = Int32Array.from({ length: v.length }, (_, i) => i);
    rowsOf.set(v.length, rows);
  }
  return { rows, vals: v, coverage: 1 };
}

/**
 * A softmax head over sentence embeddings: the member that knows paraphrases
 * ("terminate my plan" ~ "cancel my subscription") which n-grams of a bot's own
 * utterances cannot. The same SGD as trainLinear (decaying rate, exact L2 through a
 * weight scale), written for dense input: every example touches every row, and
 * the tight loop is what keeps 15k x 512-d x 150 classes within the training budget.
 */
export function trainSemantic(vectors: Float32Array[], ys: Int32Array, classes: number, opts: LinearTrainOptions): LinearModel {
  const dims = vectors[0]?.length ?? 0;
  const epochs = opts.epochs ?? 10;
  const lr0 = opts.learningRate ?? 0.8;
  const l2 = opts.l2 ?? 1e-5;
  const rand = seededRandom(opts.seed ?? 7);
  const model = LinearModel.zeros(classes, dims);
  const W = model.weights;
  const b = model.bias;
  const order = vectors.map((_, i) => i);
  const g = new Float64Array(classes);
  const active = new Int32Array(classes);
  const steps = Math.max(1, epochs * vectors.length);
  let scale = 1;
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const i of order) {
      const x = vectors[i]!;
      const lr = lr0 * (1 - 0.95 * (t++ / steps)) * (opts.weights?.[i] ?? 1);
      for (let k = 0; k < classes; k++) g[k] = b[k]!;
      for (let d = 0; d < dims; d++) {
        const v = x[d]! * scale;
        if (v === 0) continue;
        const base = d * classes;
        for (let k = 0; k < classes; k++) g[k]! += v * W[base + k]!;
      }
      softmax(g);
      g[ys[i]!]! -= 1;
      scale *= 1 - lr * l2;
      const step = lr / scale;
      // Once the head fits, nearly all of an example's gradient sits on a few classes: the
      // rest (below 1e-4 each) are skipped, which makes the update pass several times cheaper.
      let n = 0;
      for (let k = 0; k < classes; k++) if (Math.abs(g[k]!) > GRADIENT_FLOOR) active[n++] = k;
      for (let d = 0; d < dims; d++) {
        const v = x[d]! * step;
        if (v === 0) continue;
        const base = d * classes;
        for (let j = 0; j < n; j++) {
          const k = active[j]!;
          W[base + k]! -= v * g[k]!;
        }
      }
      for (let k = 0; k < classes; k++) b[k]! -= lr * g[k]!;
      if (scale < 1e-4) {
        for (let j = 0; j < W.length; j++) W[j]! *= scale;
        scale = 1;
      }
    }
    opts.onEpoch?.(epoch + 1, epochs);
  }
  for (let j = 0; j < W.length; j++) W[j]! *= scale;
  return model;
}

/**
 * Embeds each distinct text once per training run: cross-validation folds, the
 * held-back scoring and the final fit all ask for the same sentences.
 */
export function memoizeEmbed(embed: EmbedTexts): EmbedTexts {
  const memo = new Map<string, Float32Array>();
  return async (texts) => {
    const missing = [...new Set(texts.filter((t) => !memo.has(t)))];
    for (let i = 0; i < missing.length; i += 256) {
      const batch = missing.slice(i, i + 256);
      const vectors = await embed(batch);
      batch.forEach((t, j) => memo.set(t, vectors[j] as Float32Array));
    }
    return texts.map((t) => memo.get(t) as Float32Array);
  };
}
