import { parentPort } from 'node:worker_threads';
import { trainNluModel, type TrainInput } from '../model/train-model.js';

/** Worker entry: one training job per message; progress and result go back as messages. */
parentPort?.on('message', (input: TrainInput) => {
  trainNluModel(input, (p) => parentPort?.postMessage({ type: 'progress', value: p }))
    .then((output) => parentPort?.postMessage({ type: 'done', output }))
    .catch((err: unknown) => parentPort?.postMessage({ type: 'error', reason: err instanceof Error ? err.message : String(err) }));
});
