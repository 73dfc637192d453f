import { Worker } from 'node:worker_threads';
import { computeInsights, type CrmModelRun, type InsightsOptions } from './insights.js';
import type { ConversationSummary, OrderLine } from './input.js';

/**
 * The entry the analytics job wires: `scanLines` is OrderStore.scanLines (oldest first, batches).
 * Everything in and out is plain data; this runs the models in this thread (tools, tests).
 */
export function runCrmModels(
  scanLines: () => AsyncIterable<OrderLine[]>,
  conversations: Iterable<ConversationSummary> | null,
  asOf: Date,
  o: Omit<InsightsOptions, 'asOf'> = {},
): Promise<CrmModelRun> {
  return computeInsights(scanLines(), conversations, { ...o, asOf });
}

/** Same tsx bootstrap as nlu's training worker: Node 20 workers do not inherit `--import tsx`. */
function bootstrap(entry: URL): string {
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

type Out = { type: 'pull' } | { type: 'done'; run: CrmModelRun } | { type: 'error'; reason: string };

/**
 * runCrmModels off the event loop: this thread only reads the store and hands the worker one
 * batch each time it asks (at most two are in flight); the models run in the worker.
 */
export function runCrmModelsInWorker(
  scanLines: () => AsyncIterable<OrderLine[]>,
  conversations: Iterable<ConversationSummary> | null,
  asOf: Date,
  o: Omit<InsightsOptions, 'asOf'> = {},
): Promise<CrmModelRun> {
  return new Promise<CrmModelRun>((resolve, reject) => {
    const worker = new Worker(bootstrap(new URL('./insights-worker.ts', import.meta.url)), { eval: true });
    const it = scanLines()[Symbol.asyncIterator]();
    let ended = false;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
      void it.return?.();
    };
    worker.on('message', (m: Out) => {
      if (m.type === 'pull') {
        // Pulls are answered in order; after the end, extra pulls get 'end' again.
        if (ended) return void worker.postMessage({ type: 'end' });
        it.next().then(
          (r) => {
            if (r.done) ended = true;
            worker.postMessage(r.done ? { type: 'end' } : { type: 'lines', batch: r.value });
          },
          (err: unknown) => finish(() => reject(err instanceof Error ? err : new Error(String(err)))),
        );
      } else if (m.type === 'done') finish(() => resolve(m.run));
      else finish(() => reject(new Error(m.reason)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`CRM models worker exited with code ${code}`))));
    worker.postMessage({ type: 'start', asOf: asOf.toISOString(), options: o, conversations: conversations ? [...conversations] : null });
  });
}
