import { parentPort } from 'node:worker_threads';
import { computeInsights, type InsightsOptions } from './insights.js';
import type { ConversationSummary, OrderLine } from './input.js';

/** Worker side of runCrmModelsInWorker: pulls line batches (a couple ahead), posts the run back. */
type In =
  | { type: 'start'; asOf: string; options: Omit<InsightsOptions, 'asOf'>; conversations: ConversationSummary[] | null }
  | { type: 'lines'; batch: OrderLine[] }
  | { type: 'end' };

const port = parentPort!;
/** Batches asked for ahead of use, so reading the store overlaps with the models' work. */
const AHEAD = 2;
const queue: In[] = [];
let wake: (() => void) | null = null;

async function* lines(): AsyncGenerator<OrderLine[]> {
  for (let i = 0; i < AHEAD; i++) port.postMessage({ type: 'pull' });
  for (;;) {
    if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const m = queue.shift()!;
    if (m.type !== 'lines') return;
    port.postMessage({ type: 'pull' });
    yield m.batch;
  }
}

port.on('message', (m: In) => {
  if (m.type === 'start') {
    computeInsights(lines(), m.conversations, { ...m.options, asOf: new Date(m.asOf) }).then(
      (run) => port.postMessage({ type: 'done', run }),
      (err: unknown) => port.postMessage({ type: 'error', reason: err instanceof Error ? err.message : String(err) }),
    );
    return;
  }
  queue.push(m);
  const w = wake;
  wake = null;
  w?.();
});
