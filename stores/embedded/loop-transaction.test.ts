import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createLoopTransaction, loopTransaction } from './loop-transaction.js';
import { openDatabase, type Db } from './open-database.js';

/** A store connection plus a second, independent one that only sees committed data. */
function open(): { db: Db; observer: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-loop-tx-'));
  const db = openDatabase(dir);
  db.exec(`CREATE TABLE t (x TEXT);
    CREATE TABLE parent (id TEXT PRIMARY KEY);
    CREATE TABLE child (p TEXT REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
  return { db, observer: new Database(join(dir, 'parley.db'), { readonly: true }) };
}
const committed = (observer: Db): string[] => (observer.prepare('SELECT x FROM t').all() as { x: string }[]).map((r) => r.x);

/** A WAL sync the test completes by hand; records what was committed when each sync started. */
function manualSync(observer: Db) {
  const calls: { sawCommitted: string[]; done: () => void; fail: (e: Error) => void }[] = [];
  const sync = {
    sync: () => new Promise<void>((resolve, reject) => calls.push({ sawCommitted: committed(observer), done: resolve, fail: reject })),
    close: async () => undefined,
  };
  return { sync, calls };
}
const settled = async <T>(p: Promise<T>): Promise<'pending' | 'resolved' | 'rejected'> => {
  const tag = await Promise.race([p.then(() => 'resolved' as const, () => 'rejected' as const), new Promise<'pending'>((r) => setImmediate(() => setImmediate(() => r('pending'))))]);
  return tag;
};

describe('loopTransaction: one transaction per event-loop turn, durability per write', () => {
  it('resolves durable writes only after their shared COMMIT and one WAL sync that started after it', async () => {
    const { db, observer } = open();
    const { sync, calls } = manualSync(observer);
    const tx = createLoopTransaction(db, sync);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const writes = Promise.all(['a', 'b', 'c'].map((x) => tx.durable(() => insert.run(x))));
    expect(db.inTransaction).toBe(true);
    expect(committed(observer)).toEqual([]); // same loop turn: not committed yet
    expect(await settled(writes)).toBe('pending'); // committed, but not synced
    expect(calls).toHaveLength(1);
    expect(calls[0]!.sawCommitted.sort()).toEqual(['a', 'b', 'c']);
    calls[0]!.done();
    expect(await settled(writes)).toBe('resolved');
  });

  it('returns relaxed writes at once, commits them in the same transaction, and syncs nothing for them alone', async () => {
    const { db, observer } = open();
    const { sync, calls } = manualSync(observer);
    const tx = createLoopTransaction(db, sync);
    const info = tx.relaxed(() => db.prepare('INSERT INTO t VALUES (?)').run('derived'));
    expect(info.changes).toBe(1);
    expect(committed(observer)).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(committed(observer)).toEqual(['derived']);
    expect(calls).toHaveLength(0);
  });

  it('rolls back only the write that threw; the others of the turn commit', async () => {
    const { db, observer } = open();
    const tx = loopTransaction(db);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const ok = tx.durable(() => insert.run('kept'));
    const bad = tx.durable(db.transaction(() => {
      insert.run('undone');
      throw new Error('boom');
    }));
    await expect(bad).rejects.toThrow('boom');
    await ok;
    expect(committed(observer)).toEqual(['kept']);
  });

  it('rejects every durable write of a transaction whose COMMIT fails, and keeps working after', async () => {
    const { db, observer } = open();
    const tx = loopTransaction(db);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const other = tx.durable(() => insert.run('same-turn'));
    // A deferred foreign key is only checked at COMMIT: the commit itself fails.
    const orphan = tx.durable(() => db.prepare("INSERT INTO child VALUES ('missing')").run());
    await expect(orphan).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    await expect(other).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(committed(observer)).toEqual([]);
    await tx.durable(() => insert.run('next-turn'));
    expect(committed(observer)).toEqual(['next-turn']);
  });

  it('when SQLite rolls the transaction back itself, fails its writers and runs later writes in a new one', async () => {
    const { db, observer } = open();
    const tx = loopTransaction(db);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const lost = tx.durable(() => insert.run('lost'));
    tx.relaxed(() => db.exec('ROLLBACK')); // what SQLite does on SQLITE_FULL or an I/O error
    const later = tx.durable(() => insert.run('later'));
    await expect(lost).rejects.toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' });
    await later;
    expect(committed(observer)).toEqual(['later']);
  });

  it('rejects the durable writes whose WAL sync failed', async () => {
    const { db, observer } = open();
    const { sync, calls } = manualSync(observer);
    const tx = createLoopTransaction(db, sync);
    const write = tx.durable(() => db.prepare('INSERT INTO t VALUES (?)').run('x'));
    await settled(write);
    calls[0]!.fail(new Error('EIO'));
    await expect(write).rejects.toThrow('EIO');
  });

  it('close commits what is open now', async () => {
    const { db, observer } = open();
    const tx = loopTransaction(db);
    tx.relaxed(() => db.prepare('INSERT INTO t VALUES (?)').run('x'));
    const closing = tx.close();
    expect(committed(observer)).toEqual(['x']);
    await closing;
  });
});
