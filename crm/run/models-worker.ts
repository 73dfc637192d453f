import { parentPort } from 'node:worker_threads';
import { computeInsights } from '../models/insights.js';
import type { OrderLine } from '../models/input.js';
import { PULL_AHEAD, RESULT_CHUNK, type HostMessage, type WorkerMessage } from './worker-protocol.js';

// Runs every CRM model off the host's event loop. Lines are pulled a couple of batches ahead while
// the host reads them from the store, so neither side holds more than the models themselves need.
const port = parentPort;
if (!port) throw new Error('models-worker must run in a worker thread');
const post = (m: WorkerMessage): void => port.postMessage(m);

const queue: (OrderLine[] | null)[] = [];
let wake: (() => void) | null = null;

async function* lines(): AsyncIterable<OrderLine[]> {
  for (let i = 0; i < PULL_AHEAD; i++) post({ type: 'pull' });
  for (;;) {
    if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const batch = queue.shift();
    if (!batch) return;
    post({ type: 'pull' });
    yield batch;
  }
}

port.on('message', (m: HostMessage) => {
  if (m.type === 'start') {
    computeInsights(lines(), m.conversations, { ...m.options, asOf: new Date(m.asOf) }).then(
      (run) => {
        for (let i = 0; i < run.customers.length; i += RESULT_CHUNK) post({ type: 'customers', json: JSON.stringify(run.customers.slice(i, i + RESULT_CHUNK)) });
        post({ type: 'summary', summary: run.summary });
      },
      (err: unknown) => post({ type: 'error', reason: err instanceof Error ? err.message : String(err) }),
    );
    return;
  }
  queue.push(m.type === 'lines' ? m.batch : null);
  const w = wake;
  wake = null;
  w?.();
});
