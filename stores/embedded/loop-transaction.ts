import { ParleyError } from '../../core/index.js';
import type { Db } from './open-database.js';

/**
 * Every write of the store goes through this: one SQLite transaction per event-loop turn.
 *
 * A chat turn makes five or six small writes (the customer's message, the bot reply, the
 * conversation summary, the interaction record, profile counters, a slot); with a COMMIT each,
 * the commits cost more CPU than the whole NLU. Here a write runs at once (so the caller sees
 * its result and later reads see it, same connection), inside a transaction that is opened by the
 * first write of the loop turn and committed in `setImmediate`, right after the poll phase: all
 * socket and HTTP callbacks of that phase share one COMMIT.
 *
 * Durability is per write, not per connection:
 * - `durable` writes (acknowledged messages, staff changes, state transitions) resolve only after
 *   a COMMIT with synchronous=FULL, which fsyncs the WAL: resolved = survives power loss.
 * - `relaxed` writes (derived data nobody was told about) return at once and commit with
 *   synchronous=NORMAL (survive a process crash; the next FULL commit fsyncs them too).
 * SQLite fixes the safety level at BEGIN, so a durable write arriving in a relaxed transaction
 * first commits that transaction (cheap, no fsync) and opens a FULL one.
 *
 * A write that throws rolls back only itself (statements are atomic; `db.transaction` nests as a
 * savepoint). If the COMMIT fails, every durable write of the transaction is rejected.
 */
export interface LoopTransaction {
  relaxed<T>(write: () => T): T;
  durable<T>(write: () => T): Promise<T>;
  /** Commits whatever is open now (before close). */
  flush(): void;
}

const instances = new WeakMap<Db, LoopTransaction>();

/** The one loop transaction of this connection. */
export function loopTransaction(db: Db): LoopTransaction {
  let tx = instances.get(db);
  if (!tx) instances.set(db, (tx = createLoopTransaction(db)));
  return tx;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

function createLoopTransaction(db: Db): LoopTransaction {
  // PRAGMA takes effect when compiled, so a prepared one cannot be re-run: exec each time.
  const full = { run: () => db.exec('PRAGMA synchronous = FULL') };
  const normal = { run: () => db.exec('PRAGMA synchronous = NORMAL') };
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commitStmt = db.prepare('COMMIT');
  let open: 'full' | 'normal' | null = null;
  let waiters: Waiter[] = [];
  let scheduled = false;

  const commit = (): void => {
    if (open === null) return;
    const settle = waiters;
    waiters = [];
    const wasFull = open === 'full';
    open = null;
    let failure: unknown = null;
    try {
      // A statement error such as SQLITE_FULL can make SQLite roll the whole transaction back.
      if (!db.inTransaction) throw new ParleyError('ERR_STORE_UNAVAILABLE', { reason: 'transaction rolled back' });
      commitStmt.run();
    } catch (err) {
      failure = err;
      if (db.inTransaction) db.exec('ROLLBACK');
    } finally {
      if (!wasFull) full.run();
    }
    for (const w of settle) {
      if (failure === null) w.resolve();
      else w.reject(failure);
    }
  };

  const ensureOpen = (level: 'full' | 'normal'): void => {
    if (open === 'normal' && level === 'full') commit();
    if (open !== null) return;
    if (level === 'normal') normal.run();
    begin.run();
    open = level;
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        commit();
      });
    }
  };

  return {
    relaxed(write) {
      ensureOpen('normal');
      return write();
    },
    durable<T>(write: () => T): Promise<T> {
      let result: T;
      try {
        ensureOpen('full');
        result = write();
      } catch (err) {
        return Promise.reject(err);
      }
      return new Promise<T>((resolve, reject) => waiters.push({ resolve: () => resolve(result), reject }));
    },
    flush: commit,
  };
}
