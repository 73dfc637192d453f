import { startTsWorker } from '../../core/index.js';
import type { CustomerInsights, RunSummary } from '../models/insights.js';
import type { ConversationSummary, OrderLine } from '../models/input.js';
import type { HostMessage, WorkerMessage } from './worker-protocol.js';

export interface ModelRunInput {
  asOf: Date;
  conversations: ConversationSummary[];
  lines: AsyncIterable<OrderLine[]>;
}

export interface ModelRunSink {
  /** Called in order for each chunk of results; the run waits for it. */
  customers(items: { customerId: string; insights: CustomerInsights }[]): Promise<void>;
  /** Order lines handed to the models so far. */
  linesRead?(count: number): void;
  /** Every line has been handed over: the models are being fitted. */
  linesDone?(): void;
}

/**
 * Runs the CRM models in a worker thread. The host only reads order lines from the store and
 * forwards them, then writes the results it gets back chunk by chunk: chats keep their event loop.
 */
export function runModelsInWorker(input: ModelRunInput, sink: ModelRunSink): Promise<RunSummary> {
  const worker = startTsWorker(new URL('./models-worker.ts', import.meta.url));
  const send = (m: HostMessage): void => worker.postMessage(m);
  return new Promise<RunSummary>((resolve, reject) => {
    let settled = false;
    let writes = Promise.resolve();
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'customers') {
        writes = writes.then(() => sink.customers(m.items));
        // A failed write ends the run now (and is never an unhandled rejection).
        writes.catch((err: unknown) => finish(() => reject(err)));
      }
      else if (m.type === 'summary') writes.then(() => finish(() => resolve(m.summary)), (err: unknown) => finish(() => reject(err)));
      else finish(() => reject(new Error(`CRM models failed: ${m.reason}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`CRM models worker exited with code ${code}`))));
    send({ type: 'start', asOf: input.asOf.toISOString(), conversations: input.conversations });
    (async () => {
      let read = 0;
      for await (const batch of input.lines) {
        if (settled) return;
        send({ type: 'lines', batch });
        sink.linesRead?.((read += batch.length));
        // A synchronous store yields batches through microtasks only: let chats in between them.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      send({ type: 'end' });
      sink.linesDone?.();
    })().catch((err: unknown) => finish(() => reject(err)));
  });
}
