import { ParleyError } from '../../core/index.js';
import type { Db } from './open-database.js';
import { walSyncer, type WalSync } from './wal-sync.js';

/**
 * Every write of the store goes through this: one SQLite transaction per event-loop turn.
 *
 * A chat turn makes five or six small writes (the customer's message, the bot reply, the
 * conversation summary, the interaction record, profile counters, a slot); with a COMMIT (and an
 * fsync) each, storage cost more than the whole NLU. Here a write runs at once (the caller gets its
 * result, later reads on this connection see it) inside a transaction opened by the first write of
 * the loop turn and committed in `setImmediate`, right after the poll phase: all socket and HTTP
 * callbacks of that phase share one COMMIT.
 *
 * Durability is per write:
 * - `durable` writes (acknowledged messages, staff changes, state transitions) resolve only after
 *   their COMMIT and then an fdatasync of the WAL, the same guarantee as synchronous=FULL
 *   (resolved = survives power loss), but the fsync runs on libuv's thread pool instead of blocking
 *   the event loop, and one fsync covers every commit made before it started.
 * - `relaxed` writes (derived data nobody was told about) return at once; they survive a process
 *   crash, and the next fsync makes them durable too.
 *
 * A write that throws rolls back only itself (statements are atomic; `db.transaction` nests as a
 * savepoint). If the COMMIT or the fsync fails, every durable write of that transaction is rejected.
 */
export interface LoopTransaction {
  relaxed<T>(write: () => T): T;
  durable<T>(write: () => T): Promise<T>;
  /** Commits, waits for running syncs and releases the WAL handle (the connection is closing). */
  close(): Promise<void>;
}

const instances = new WeakMap<Db, LoopTransaction>();

/** The one loop transaction of this connection (the WAL is fsynced through the thread pool). */
export function loopTransaction(db: Db): LoopTransaction {
  let tx = instances.get(db);
  if (!tx) instances.set(db, (tx = createLoopTransaction(db, walSyncer(`${db.name}-wal`))));
  return tx;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export function createLoopTransaction(db: Db, wal: WalSync): LoopTransaction {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commitStmt = db.prepare('COMMIT');
  let open = false;
  let waiters: Waiter[] = [];

  const settle = (batch: Waiter[], failure: unknown): void => {
    for (const w of batch) {
      if (failure === undefined) w.resolve();
      else w.reject(failure);
    }
  };

  const commit = (): void => {
    if (!open) return;
    open = false;
    const batch = waiters;
    waiters = [];
    try {
      // A statement error such as SQLITE_FULL can make SQLite roll the whole transaction back.
      if (!db.inTransaction) throw new ParleyError('ERR_STORE_UNAVAILABLE', { reason: 'transaction rolled back' });
      commitStmt.run();
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      return settle(batch, err);
    }
    if (batch.length > 0) wal.sync().then(() => settle(batch, undefined), (err: unknown) => settle(batch, err));
  };

  const ensureOpen = (): void => {
    // SQLite rolled the transaction back on an earlier error: fail its writers now and start afresh.
    if (open && !db.inTransaction) commit();
    if (open) return;
    begin.run();
    open = true;
    setImmediate(commit);
  };

  return {
    relaxed(write) {
      ensureOpen();
      return write();
    },
    durable<T>(write: () => T): Promise<T> {
      let result: T;
      try {
        ensureOpen();
        result = write();
      } catch (err) {
        return Promise.reject(err);
      }
      return new Promise<T>((resolve, reject) => waiters.push({ resolve: () => resolve(result), reject }));
    },
    async close() {
      commit();
      await wal.close();
    },
  };
}
