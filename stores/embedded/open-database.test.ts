import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, relaxed } from './open-database.js';

const FULL = 2;
const NORMAL = 1;

describe('relaxed durability for unacknowledged writes', () => {
  it('runs the write under synchronous=NORMAL and restores FULL, even when it throws', () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'parley-relaxed-')));
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(relaxed(db, () => db.pragma('synchronous', { simple: true }))).toBe(NORMAL);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(() => relaxed(db, () => { throw new Error('boom'); })).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    db.close();
  });
});
