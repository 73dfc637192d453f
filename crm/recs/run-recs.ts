import { startTsWorker } from '../../core/index.js';
import type { OrderLine } from '../models/input.js';
import type { FittedRecs, RecsHostMessage, RecsRow, RecsRunStats, RecsWorkerMessage } from './worker-protocol.js';

export interface RecsRunSink {
  /** Called in order for each chunk of rows; the run waits for it. */
  rows(rows: RecsRow[]): Promise<void>;
}

/**
 * Fits the recommender in a worker thread on the given lines and streams every customer's lists back. Each batch
 * read and each chunk written is its own macrotask, so chats keep the event loop while it runs.
 */
export function runRecsInWorker(lines: AsyncIterable<OrderLine[]>, sink: RecsRunSink): Promise<{ fitted: FittedRecs; stats: RecsRunStats }> {
  const worker = startTsWorker(new URL('./recs-worker.ts', import.meta.url));
  const send = (m: RecsHostMessage): void => worker.postMessage(m);
  const it = lines[Symbol.asyncIterator]();
  return new Promise((resolve, reject) => {
    let settled = false;
    let ended = false;
    let writes = Promise.resolve();
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      void it.return?.();
      fn();
    };
    const readNext = async (): Promise<void> => {
      if (settled || ended) return;
      try {
        const r = await it.next();
        if (settled || ended) return;
        if (r.done) return void ((ended = true), send({ type: 'end' }));
        send({ type: 'lines', batch: r.value });
      } catch (err) {
        finish(() => reject(err));
      }
    };
    // Pulls are answered one at a time, in order (two outstanding): the iterator is never asked twice at once.
    let reads = Promise.resolve();
    worker.on('message', (m: RecsWorkerMessage) => {
      if (m.type === 'pull') reads = reads.then(() => new Promise<void>((r) => setImmediate(r))).then(readNext);
      else if (m.type === 'rows') {
        writes = writes.then(() => new Promise<void>((r) => setImmediate(r))).then(() => sink.rows(JSON.parse(m.json) as RecsRow[]));
        writes.catch((err: unknown) => finish(() => reject(err)));
      } else if (m.type === 'done') writes.then(() => finish(() => resolve({ fitted: m.fitted, stats: m.stats })), (err: unknown) => finish(() => reject(err)));
      else finish(() => reject(new Error(`recommendations failed: ${m.reason}`)));
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`recommendations worker exited with code ${code}`))));
    send({ type: 'start' });
  });
}
