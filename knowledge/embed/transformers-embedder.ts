import { ParleyError, type Embedder, type EmbedderInfo } from '../../core/index.js';
import type { InstalledModel } from './model-files.js';
import { sharedEmbedWorker, type SharedEmbedWorker, type WorkerMessage } from './shared-worker.js';

/** Texts per worker round trip: big enough to amortise, small enough to keep query latency low. */
export const EMBED_BATCH = 32;
/** Characters kept per text; the tokenizer truncates at the model's limit anyway. */
const MAX_CHARS = 2000;
/** Batch ids are unique per process: several embedders may share one worker. */
let nextBatchId = 1;

interface Pending {
  text: string;
  resolve: (v: Float32Array) => void;
  reject: (e: Error) => void;
}

/**
 * The Embedder port on transformers.js (feature-extraction, mean pooling,
 * unit length) in a worker thread. Concurrent calls are coalesced: while a
 * batch is in flight, new texts queue up and leave together in the next one.
 */
export class TransformersEmbedder implements Embedder {
  private queue: Pending[] = [];
  private inFlight: { id: number; batch: Pending[] } | null = null;
  private closed = false;
  private readonly listener = (m: WorkerMessage): void => this.onMessage(m);

  private constructor(
    private readonly shared: SharedEmbedWorker,
    private readonly meta: EmbedderInfo,
  ) {
    shared.worker.on('message', this.listener);
  }

  static async start(model: InstalledModel): Promise<TransformersEmbedder> {
    const shared = await sharedEmbedWorker(model);
    return new TransformersEmbedder(shared, { model: model.name, dimensions: shared.dimensions });
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

  /** Detaches from the shared worker (which stays for the process, see shared-worker.ts). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.shared.worker.off('message', this.listener);
    if (this.inFlight) this.shared.busy(-1);
    const err = new ParleyError('ERR_UNAVAILABLE', { reason: 'embedder closed' });
    for (const p of [...(this.inFlight?.batch ?? []), ...this.queue]) p.reject(err);
    this.inFlight = null;
    this.queue = [];
  }

  private pump(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, EMBED_BATCH);
    this.inFlight = { id: nextBatchId++, batch };
    this.shared.busy(1);
    this.shared.worker.postMessage({ id: this.inFlight.id, texts: batch.map((p) => p.text) });
  }

  private onMessage(m: WorkerMessage): void {
    if ((m.type !== 'result' && m.type !== 'error') || m.id !== this.inFlight?.id) return;
    const { batch } = this.inFlight;
    this.inFlight = null;
    this.shared.busy(-1);
    if (m.type === 'error') {
      const err = new ParleyError('ERR_INTERNAL', { cause: m.error });
      for (const p of batch) p.reject(err);
    } else {
      batch.forEach((p, i) => p.resolve(m.data.slice(i * m.dim, (i + 1) * m.dim)));
    }
    this.pump();
  }
}
