import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) `<dataDir>/<fileName>` and brings the schema up to date.
 *
 * Durability: WAL with synchronous=NORMAL: a commit survives a process crash. Writes somebody is
 * told about are made power-loss safe by the loop transaction, which fsyncs the WAL after their
 * commit, off the event loop (loop-transaction.ts, wal-sync.ts).
 */
export function openDatabase(dataDir: string, fileName = 'parley.db'): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Another process (CLI, second node on the same disk) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, so an erased customer's text does not linger in free pages.
    db.pragma('secure_delete = ON');
    // Checkpoint in the background of commits instead of letting the WAL grow without bound.
    db.pragma('wal_autocheckpoint = 1000');
    // 64 MB page cache (default 2 MB): bulk imports insert into several indexes at random places.
    db.pragma('cache_size = -65536');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** JSON helpers for nullable JSON columns. */
export function toJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** SQLite constraint errors, so adapters can map them to ParleyError codes. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
