import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';

/** Queries whose WHERE clause depends on the filters are prepared once per distinct SQL text. */
export function statementCache(db: Db): (sql: string) => Database.Statement<unknown[], unknown> {
  const cache = new Map<string, Database.Statement<unknown[], unknown>>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
