import { parentPort } from 'node:worker_threads';
import type { SemanticSource } from '../classifier/semantic-member.js';
import { trainNluModel, type TrainInput } from '../model/train-model.js';

type HostMessage = { type: 'train'; input: TrainInput } | { type: 'embedded'; id: number; vectors?: Float32Array[]; reason?: string };

const pending = new Map<number, { resolve(v: Float32Array[]): void; reject(e: Error): void }>();
let nextId = 0;

/** Sentence vectors come from the host's embedder (its model is loaded once, in its own worker). */
function hostEmbedder(model: string): SemanticSource {
  return {
    model,
    embed: (texts) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        parentPort?.postMessage({ type: 'embed', id, texts });
      }),
  };
}

/** Worker entry: one training job per message; progress and result go back as messages. */
parentPort?.on('message', (msg: HostMessage) => {
  if (msg.type === 'embedded') {
    const waiter = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.vectors) waiter?.resolve(msg.vectors);
    else waiter?.reject(new Error(`embedding failed: ${msg.reason ?? 'unknown'}`));
    return;
  }
  let last = -1;
  // At most ~100 progress messages per job, and always the final 1.
  const report = (p: number) => {
    if (p < 1 && p - last < 0.01) return;
    last = p;
    parentPort?.postMessage({ type: 'progress', value: p });
  };
  const semantic = msg.input.semanticModel ? hostEmbedder(msg.input.semanticModel) : undefined;
  trainNluModel(msg.input, report, semantic)
    .then((output) => parentPort?.postMessage({ type: 'done', output }))
    .catch((err: unknown) => parentPort?.postMessage({ type: 'error', reason: err instanceof Error ? err.message : String(err) }));
});
