import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from './index.js';

const run = promisify(execFile);
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'race-child.ts');
const cipher = createFieldCipher('race-key-race-key-race-key-race-key-00');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-race-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Two OS processes on one database file, released together by a file barrier. */
async function race(dataDir: string, tasks: string[]): Promise<string[][]> {
  const barrier = fs.mkdtempSync(path.join(dir, 'barrier-'));
  const outputs = await Promise.all(
    ['p1', 'p2'].map((name) => run(process.execPath, ['--import', 'tsx', child, dataDir, name, barrier, ...tasks])),
  );
  return outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop() ?? '[]') as string[]);
}

describe('embedded store across processes (busy_timeout, BEGIN IMMEDIATE, compare-and-set)', () => {
  it('gives each conversation one claimer and stores each idempotency key once', async () => {
    const stores = await openEmbeddedStores({ dataDir: path.join(dir, 'db'), cipher });
    const customer = await stores.customers.create({});
    const claims: string[] = [];
    for (let i = 0; i < 30; i++) claims.push((await stores.conversations.create({ customerId: customer.id, channel: 'widget' })).id);
    const chat = await stores.conversations.create({ customerId: customer.id, channel: 'widget' });
    await stores.close();
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    // Interleaved so the two processes contend on claims and appends at once.
    const tasks = claims.flatMap((id, i) => [`c:${id}`, `a:${chat.id}/${keys[i]}`]);

    const [a = [], b = []] = await race(path.join(dir, 'db'), tasks);
    const after = await openEmbeddedStores({ dataDir: path.join(dir, 'db'), cipher });
    for (const [i, id] of claims.entries()) {
      expect([a[2 * i], b[2 * i]].sort()).toEqual(['ERR_CONVERSATION_ALREADY_CLAIMED', 'won']);
      const winner = a[2 * i] === 'won' ? 'p1' : 'p2';
      expect((await after.conversations.get(id))?.assignee?.id).toBe(winner);
      expect(await after.conversations.listEvents(id)).toHaveLength(1);
      expect([a[2 * i + 1], b[2 * i + 1]].sort()).toEqual(['duplicate', 'stored']);
    }
    const stored = await after.conversations.recentMessages(chat.id, 1000);
    expect(stored.map((m) => m.text.split(':')[1]).sort()).toEqual([...keys].sort());
    // No process gave up on the lock (busy_timeout) and nothing else went wrong.
    expect([...a, ...b].every((r) => ['won', 'ERR_CONVERSATION_ALREADY_CLAIMED', 'stored', 'duplicate'].includes(r))).toBe(true);
    await after.close();
  }, 45_000);
});
