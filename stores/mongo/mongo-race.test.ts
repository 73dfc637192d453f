import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Stores } from '../../core/index.js';
import { openMongoStores } from './index.js';
import { cipher, dropDb, freshDbName, rawDb, skipReason, uri, withServer } from './testing/mongo-env.js';

if (skipReason) console.log(skipReason);
const run = promisify(execFile);
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'race-child.ts');

withServer('MongoDB adapter across two processes', () => {
  const dbName = freshDbName('race');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-mongo-race-'));
  let stores: Stores;
  beforeAll(async () => {
    stores = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1 });
  });
  afterAll(async () => {
    await stores.close();
    await dropDb(dbName);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Two OS processes on one database, released together by a file barrier. */
  async function race(p1: string[], p2: string[]): Promise<string[][]> {
    const barrier = fs.mkdtempSync(path.join(dir, 'barrier-'));
    const outputs = await Promise.all(
      [['p1', p1], ['p2', p2]].map(([name, tasks]) => run(process.execPath, ['--import', 'tsx', child, uri, dbName, name as string, barrier, ...(tasks as string[])])),
    );
    return outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop() ?? '[]') as string[]);
  }

  it('gives each conversation one claimer and stores each clientMessageId once', async () => {
    const customer = await stores.customers.create({});
    const claims: string[] = [];
    for (let i = 0; i < 20; i++) claims.push((await stores.conversations.create({ customerId: customer.id, channel: 'widget' })).id);
    const chat = await stores.conversations.create({ customerId: customer.id, channel: 'widget' });
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    const tasks = claims.flatMap((id, i) => [`c:${id}`, `a:${chat.id}/${keys[i]}`]);
    const [a = [], b = []] = await race(tasks, [...tasks].reverse());
    const bRev = [...b].reverse();
    for (const [i, id] of claims.entries()) {
      expect([a[2 * i], bRev[2 * i]].sort()).toEqual(['ERR_CONVERSATION_ALREADY_CLAIMED', 'won']);
      expect(await stores.conversations.listEvents(id)).toHaveLength(1);
      expect([a[2 * i + 1], bRev[2 * i + 1]].sort()).toEqual(['duplicate', 'stored']);
    }
    const stored = await stores.conversations.recentMessages(chat.id, 1000);
    expect(stored.map((m) => m.text.split(':')[1]).sort()).toEqual([...keys].sort());
  }, 60_000);

  it('a reassign racing transitions leaves every conversation on the new customer', async () => {
    const anon = await stores.customers.create({});
    const known = await stores.customers.create({});
    const convs: string[] = [];
    for (let i = 0; i < 20; i++) convs.push((await stores.conversations.create({ customerId: anon.id, channel: 'widget' })).id);
    const [, escalations = []] = await race([`r:${anon.id}/${known.id}`], convs.map((id) => `t:${id}`));
    expect(escalations.every((r) => r === 'escalated')).toBe(true);
    for (const id of convs) {
      const conv = await stores.conversations.get(id);
      expect(conv?.customerId).toBe(known.id);
      expect(conv?.state).toBe('queued');
    }
  }, 60_000);

  it('an erase racing appends leaves nothing behind once a later erase ran', async () => {
    const customer = await stores.customers.create({});
    const conv = await stores.conversations.create({ customerId: customer.id, channel: 'widget' });
    const appends = Array.from({ length: 40 }, (_, i) => `a:${conv.id}/erase-${i}`);
    await race([`e:${customer.id}`], appends);
    await stores.conversations.eraseCustomer(customer.id);
    const raw = await rawDb(dbName);
    expect(await raw.collection('messages').countDocuments({ $or: [{ customerId: customer.id }, { conversationId: conv.id }] })).toBe(0);
    await raw.close();
  }, 60_000);
});
