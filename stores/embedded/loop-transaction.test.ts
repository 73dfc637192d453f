import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loopTransaction } from './loop-transaction.js';
import { openDatabase, type Db } from './open-database.js';

const FULL = 2;
const NORMAL = 1;

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
const level = (db: Db): number => db.pragma('synchronous', { simple: true }) as number;

describe('loopTransaction: one transaction per event-loop turn, durability per write', () => {
  it('resolves durable writes only after a synchronous=FULL commit that others can see', async () => {
    const { db, observer } = open();
    const tx = loopTransaction(db);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    let seenLevel = 0;
    const writes = ['a', 'b', 'c'].map((x) => tx.durable(() => ((seenLevel = level(db)), insert.run(x))));
    expect(db.inTransaction).toBe(true);
    expect(committed(observer)).toEqual([]); // same loop turn: not committed yet
    await Promise.all(writes);
    expect(seenLevel).toBe(FULL);
    expect(committed(observer).sort()).toEqual(['a', 'b', 'c']);
    expect(db.inTransaction).toBe(false);
  });

  it('returns relaxed writes at once under NORMAL and commits them when a durable write arrives', async () => {
    const { db, observer } = open();
    const tx = loopTransaction(db);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    expect(tx.relaxed(() => level(db))).toBe(NORMAL);
    tx.relaxed(() => insert.run('derived'));
    expect(committed(observer)).toEqual([]);
    const durable = tx.durable(() => insert.run('acknowledged'));
    // SQLite fixes the safety level at BEGIN: the relaxed part was committed first.
    expect(committed(observer)).toEqual(['derived']);
    await durable;
    expect(committed(observer).sort()).toEqual(['acknowledged', 'derived']);
    expect(level(db)).toBe(FULL);
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

  it('flush commits what is open now', () => {
    const { db, observer } = open();
    const tx = loopTransaction(db);
    tx.relaxed(() => db.prepare('INSERT INTO t VALUES (?)').run('x'));
    tx.flush();
    expect(committed(observer)).toEqual(['x']);
  });
});
