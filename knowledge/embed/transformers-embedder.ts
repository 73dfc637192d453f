import type { Worker } from 'node:worker_threads';
import { ParleyError, type Embedder, type EmbedderInfo } from '../../core/index.js';
import type { InstalledModel } from './model-files.js';
import { startWorker } from './worker-url.js';

/** Texts per worker round trip: big enough to amortise, small enough to keep query latency low. */
export const EMBED_BATCH = 32;
/** Characters kept per text; the tokenizer truncates at the model's limit anyway. */
const MAX_CHARS = 2000;

interface Pending {
  text: string;
  resolve: (v: Float32Array) => void;
  reject: (e: Error) => void;
}
type WorkerMessage =
  | { type: 'ready'; dimensions: number }
  | { type: 'failed'; error: string }
  | { type: 'result'; id: number; dim: number; data: Float32Array }
  | { type: 'error'; id: number; error: string };

/**
 * The Embedder port on transformers.js (feature-extraction, mean pooling,
 * unit length) in a worker thread. Concurrent calls are coalesced into batches
 * while a batch is in flight, so single queries share a round trip.
 */
export class TransformersEmbedder implements Embedder {
  private queue: Pending[] = [];
  private inFlight = new Map<number, Pending[]>();
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly meta: EmbedderInfo,
  ) {
    worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    worker.on('error', (err) => this.failAll(err));
    worker.unref();
  }

  static async start(model: InstalledModel): Promise<TransformersEmbedder> {
    const worker = startWorker(new URL('./embed-worker.mjs', import.meta.url), model);
    const dimensions = await new Promise<number>((resolve, reject) => {
      const onMessage = (m: WorkerMessage): void => {
        worker.off('error', onError);
        if (m.type === 'ready') resolve(m.dimensions);
        else reject(new ParleyError('ERR_MODEL_LOAD', { model: model.name, cause: m.type === 'failed' ? m.error : m.type }));
      };
      const onError = (err: Error): void => {
        worker.off('message', onMessage);
        reject(new ParleyError('ERR_MODEL_LOAD', { model: model.name, cause: err.message }));
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    }).catch(async (err: unknown) => {
      await worker.terminate();
      throw err;
    });
    return new TransformersEmbedder(worker, { model: model.name, dimensions });
  }

  info(): EmbedderInfo {
    return this.meta;
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    if (this.closed) return Promise.reject(new ParleyError('ERR_UNAVAILABLE', { reason: 'embedder closed' }));
    const promises = texts.map(
      (t) => new Promise<Float32Array>((resolve, reject) => this.queue.push({ text: t.slice(0, MAX_CHARS) || ' ', resolve, reject })),
    );
    this.pump();
    return Promise.all(promises);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
    this.failAll(new ParleyError('ERR_UNAVAILABLE', { reason: 'embedder closed' }));
  }

  private pump(): void {
    // One batch in flight; everything that arrives meanwhile joins the next batch.
    if (this.inFlight.size > 0 || this.queue.length === 0) return;
    const batch = this.queue.splice(0, EMBED_BATCH);
    const id = this.nextId++;
    this.inFlight.set(id, batch);
    this.worker.ref();
    this.worker.postMessage({ id, texts: batch.map((p) => p.text) });
  }

  private onMessage(m: WorkerMessage): void {
    if (m.type !== 'result' && m.type !== 'error') return;
    const batch = this.inFlight.get(m.id);
    if (!batch) return;
    this.inFlight.delete(m.id);
    if (m.type === 'error') {
      const err = new ParleyError('ERR_INTERNAL', { cause: m.error });
      for (const p of batch) p.reject(err);
    } else {
      batch.forEach((p, i) => p.resolve(m.data.slice(i * m.dim, (i + 1) * m.dim)));
    }
    if (this.inFlight.size === 0 && this.queue.length === 0) this.worker.unref();
    this.pump();
  }

  private failAll(err: Error): void {
    for (const batch of this.inFlight.values()) for (const p of batch) p.reject(err);
    for (const p of this.queue) p.reject(err);
    this.inFlight.clear();
    this.queue = [];
  }
}
