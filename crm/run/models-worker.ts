import { parentPort } from 'node:worker_threads';
import { computeInsights } from '../models/insights.js';
import type { OrderLine } from '../models/input.js';
import { RESULT_CHUNK, type HostMessage, type WorkerMessage } from './worker-protocol.js';

// Runs every CRM model off the host's event loop: lines arrive in batches while the host reads
// them from the store, so neither side holds more than the models themselves need.
const port = parentPort;
if (!port) throw new Error('models-worker must run in a worker thread');

const pending: OrderLine[][] = [];
let ended = false;
let wake: (() => void) | null = null;

async function* lines(): AsyncIterable<OrderLine[]> {
  for (;;) {
    const next = pending.shift();
    if (next) yield next;
    else if (ended) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

const post = (m: WorkerMessage): void => port.postMessage(m);

port.on('message', (m: HostMessage) => {
  if (m.type === 'lines') pending.push(m.batch);
  else if (m.type === 'end') ended = true;
  else {
    computeInsights(lines(), m.conversations, { asOf: new Date(m.asOf) }).then(
      (run) => {
        for (let i = 0; i < run.customers.length; i += RESULT_CHUNK) post({ type: 'customers', items: run.customers.slice(i, i + RESULT_CHUNK) });
        post({ type: 'summary', summary: run.summary });
      },
      (err: unknown) => post({ type: 'error', reason: err instanceof Error ? err.message : String(err) }),
    );
  }
  wake?.();
  wake = null;
});
