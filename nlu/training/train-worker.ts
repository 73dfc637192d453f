import { parentPort } from 'node:worker_threads';
import { trainNluModel, type TrainInput } from '../model/train-model.js';

/** Worker entry: one training job per message; progress and result go back as messages. */
parentPort?.on('message', (input: TrainInput) => {
  let last = -1;
  // At most ~100 progress messages per job, and always the final 1.
  const report = (p: number) => {
    if (p < 1 && p - last < 0.01) return;
    last = p;
    parentPort?.postMessage({ type: 'progress', value: p });
  };
  trainNluModel(input, report)
    .then((output) => parentPort?.postMessage({ type: 'done', output }))
    .catch((err: unknown) => parentPort?.postMessage({ type: 'error', reason: err instanceof Error ? err.message : String(err) }));
});
