import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../../core/index.js';
import type { EmbedTexts } from '../classifier/semantic-member.js';
import { trainNluModel, type TrainInput, type TrainOutput } from '../model/train-model.js';

type WorkerMessage =
  | { type: 'progress'; value: number }
  | { type: 'embed'; id: number; texts: string[] }
  | { type: 'done'; output: TrainOutput }
  | { type: 'error'; reason: string };

export type TrainerMode = 'worker' | 'in-process';

/**
 * Trains off the event loop in a worker thread (chats keep flowing). The
 * worker loads TypeScript through tsx; 'in-process' exists for tools that
 * cannot start workers. With `embed` (and `input.semanticModel`), the worker
 * asks this thread for sentence vectors, which the embedder computes in its own worker.
 */
export function runTraining(input: TrainInput, onProgress: (p: number) => void, mode: TrainerMode = 'worker', embed?: EmbedTexts): Promise<TrainOutput> {
  const semantic = input.semanticModel && embed ? { model: input.semanticModel, embed } : undefined;
  if (mode === 'in-process') return trainNluModel(input, onProgress, semantic);
  return new Promise<TrainOutput>((resolve, reject) => {
    const worker = startTsWorker(new URL('./train-worker.ts', import.meta.url));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onProgress(msg.value);
      else if (msg.type === 'embed') answerEmbed(worker, msg.id, msg.texts, embed);
      else if (msg.type === 'done') finish(() => resolve(msg.output));
      else finish(() => reject(new Error(msg.reason)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`training worker exited with code ${code}`))));
    worker.postMessage({ type: 'train', input: semantic ? input : { ...input, semanticModel: undefined } });
  });
}

function answerEmbed(worker: Worker, id: number, texts: string[], embed: EmbedTexts | undefined): void {
  if (!embed) return void worker.postMessage({ type: 'embedded', id, reason: 'no embedder on the host' });
  embed(texts).then(
    (vectors) => worker.postMessage({ type: 'embedded', id, vectors }),
    (err: unknown) => worker.postMessage({ type: 'embedded', id, reason: err instanceof Error ? err.message : String(err) }),
  );
}
