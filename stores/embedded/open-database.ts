import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) `<dataDir>/<fileName>` and brings the schema up to date.
 *
 * Durability: WAL with synchronous=FULL fsyncs the WAL on every commit, so a write whose
 * promise resolved survives a power loss. (WAL + NORMAL only survives a process crash:
 * the last commits can vanish on power loss, which breaks "acknowledged = durable".)
 * Writes nobody was acknowledged for commit with NORMAL instead (see loop-transaction.ts).
 */
export function openDatabase(dataDir: string, fileName = 'parley.db'): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Another process (CLI, second node on the same disk) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Checkpoint in the background of commits instead of letting the WAL grow without bound.
    db.pragma('wal_autocheckpoint = 1000');
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
