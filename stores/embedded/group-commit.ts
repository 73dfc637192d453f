import { relaxed, type Db } from './open-database.js';

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: every call made in the same event-loop turn (all socket/HTTP callbacks
 * of one poll phase, or one Promise.all) runs in ONE write transaction, so N concurrent
 * appends pay one WAL fsync instead of N. The flush runs in setImmediate, right after
 * the poll phase (a microtask would flush after every single callback). Each call runs
 * inside its own savepoint (`run` must be a better-sqlite3 transaction function), so one
 * failing call rolls back only itself. Promises resolve after the shared COMMIT returned, which
 * keeps "resolved = durable". A lone call waits one loop turn (microseconds when idle).
 */
export function groupCommit<I, O>(
  db: Db,
  run: (input: I) => O,
  /** Inputs no client was acknowledged for; a batch of only these skips the fsync (see `relaxed`). */
  isUnacknowledged: (input: I) => boolean = () => false,
): (input: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];

  const flush = (): void => {
    const batch = queue;
    queue = [];
    const outcomes: (() => void)[] = [];
    const commit = (): void =>
      db.transaction(() => {
        for (const item of batch) {
          try {
            const output = run(item.input);
            outcomes.push(() => item.resolve(output));
          } catch (err) {
            outcomes.push(() => item.reject(err));
          }
        }
      }).immediate();
    try {
      if (batch.every((item) => isUnacknowledged(item.input))) relaxed(db, commit);
      else commit();
    } catch (err) {
      // The COMMIT itself failed (disk full, I/O error): nothing of the batch is durable.
      for (const item of batch) item.reject(err);
      return;
    }
    for (const settle of outcomes) settle();
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}
