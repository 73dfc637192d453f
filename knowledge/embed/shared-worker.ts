import type { Worker } from 'node:worker_threads';
import { ParleyError } from '../../core/index.js';
import type { InstalledModel } from './model-files.js';
import { startWorker } from './worker-url.js';

export type WorkerMessage =
  | { type: 'ready'; dimensions: number }
  | { type: 'failed'; error: string }
  | { type: 'result'; id: number; dim: number; data: Float32Array }
  | { type: 'error'; id: number; error: string };

export interface SharedEmbedWorker {
  worker: Worker;
  dimensions: number;
  /** Keeps the process alive only while a batch is in flight (counted across users). */
  busy(delta: 1 | -1): void;
}

/**
 * One embedding worker per model per process. onnxruntime-node's addon is not
 * context-aware: once a worker that loaded it is terminated, loading it in a
 * new worker fails ("Module did not self-register"). So workers are shared
 * and kept (unref'd, idle workers do not hold the process open).
 */
const workers = new Map<string, Promise<SharedEmbedWorker>>();

export function sharedEmbedWorker(model: InstalledModel): Promise<SharedEmbedWorker> {
  const key = `${model.modelsDir}\u0000${model.name}\u0000${model.quantized}`;
  let p = workers.get(key);
  if (!p) {
    p = boot(model);
    workers.set(key, p);
    p.catch(() => workers.delete(key));
  }
  return p;
}

async function boot(model: InstalledModel): Promise<SharedEmbedWorker> {
  const worker = startWorker(new URL('./embed-worker.mjs', import.meta.url), model);
  try {
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
    });
    worker.unref();
    let inFlight = 0;
    return {
      worker,
      dimensions,
      busy(delta) {
        inFlight += delta;
        if (inFlight === 1 && delta === 1) worker.ref();
        if (inFlight === 0) worker.unref();
      },
    };
  } catch (err) {
    await worker.terminate();
    throw err;
  }
}

/** Ends every shared worker: for CLIs and test teardown (a server just exits). */
export async function terminateEmbedWorkers(): Promise<void> {
  const all = [...workers.values()];
  workers.clear();
  await Promise.all(all.map((p) => p.then((w) => w.worker.terminate()).catch(() => undefined)));
}
