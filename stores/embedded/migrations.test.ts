import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { migrate, migrations } from './migrations.js';
import { openDatabase } from './open-database.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tableExists = (db: ReturnType<typeof openDatabase>, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

describe('embedded migrations', () => {
  it('rolls a failing migration back completely and applies a good one exactly once', () => {
    const db = openDatabase(dir);
    const next = Math.max(...migrations.map((m) => m.version)) + 1;
    const broken = { version: next, name: 'broken', sql: 'CREATE TABLE half_done (a TEXT); INSERT INTO no_such_table VALUES (1);' };
    expect(() => migrate(db, [...migrations, broken])).toThrow(/no_such_table/);
    expect(tableExists(db, 'half_done')).toBe(false);
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: next - 1 });

    const good = { version: next, name: 'tags', sql: 'CREATE TABLE tags (name TEXT PRIMARY KEY);' };
    expect(migrate(db, [good, ...migrations])).toEqual([next]);
    expect(migrate(db, [...migrations, good])).toEqual([]);
    expect(tableExists(db, 'tags')).toBe(true);
    db.close();
  });
});
