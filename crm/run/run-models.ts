import { startTsWorker } from '../../core/index.js';
import type { CustomerInsights, InsightsOptions, RunSummary } from '../models/insights.js';
import type { ConversationSummary, OrderLine } from '../models/input.js';
import type { HostMessage, ResultChunk, WorkerMessage } from './worker-protocol.js';

export interface ModelRunInput {
  asOf: Date;
  conversations: ConversationSummary[];
  lines: AsyncIterable<OrderLine[]>;
  /** Horizon overrides (eval:crm sets the churn horizon to its hold-out length). */
  options?: Omit<InsightsOptions, 'asOf'>;
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
 * Runs the CRM models in a worker thread. This thread only reads order lines when the worker asks
 * for the next batch (a couple ahead) and writes the results it gets back chunk by chunk: every
 * batch and chunk is its own event, so chats keep their event loop between them.
 */
export function runModelsInWorker(input: ModelRunInput, sink: ModelRunSink): Promise<RunSummary> {
  const worker = startTsWorker(new URL('./models-worker.ts', import.meta.url));
  const send = (m: HostMessage): void => worker.postMessage(m);
  const it = input.lines[Symbol.asyncIterator]();
  return new Promise<RunSummary>((resolve, reject) => {
    let settled = false;
    let ended = false;
    let read = 0;
    let writes = Promise.resolve();
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      void it.return?.();
      fn();
    };
    // A port drains every queued message in one go and the worker pulls again at once: reading in setImmediate
    // lets timers and sockets run between two batches instead of after the whole scan.
    const pull = (): void => void setImmediate(readNext);
    const readNext = (): void => {
      if (settled) return;
      if (ended) return send({ type: 'end' });
      it.next().then(
        (r) => {
          if (settled) return;
          if (r.done) {
            ended = true;
            sink.linesDone?.();
            return send({ type: 'end' });
          }
          send({ type: 'lines', batch: r.value });
          sink.linesRead?.((read += r.value.length));
        },
        (err: unknown) => finish(() => reject(err)),
      );
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'pull') pull();
      else if (m.type === 'customers') {
        // Each chunk in its own macrotask: written back to back in microtasks they would hold the loop for seconds.
        writes = writes.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => sink.customers(JSON.parse(m.json) as ResultChunk));
        // A failed write ends the run now (and is never an unhandled rejection).
        writes.catch((err: unknown) => finish(() => reject(err)));
      } else if (m.type === 'summary') writes.then(() => finish(() => resolve(m.summary)), (err: unknown) => finish(() => reject(err)));
      else finish(() => reject(new Error(`CRM models failed: ${m.reason}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`CRM models worker exited with code ${code}`))));
    send({ type: 'start', asOf: input.asOf.toISOString(), options: input.options ?? {}, conversations: input.conversations });
  });
}
