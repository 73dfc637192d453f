import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createFieldCipher } from '../../core/index.js';
import { openEmbeddedStores } from './index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-faults-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('embedded store faults', () => {
  it('a write lock held elsewhere (stuck CLI, second process) fails writes with ERR_STORE_UNAVAILABLE, then writes work again', async () => {
    const stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('fault-key-fault-key-fault-key-0001') });
    const customer = await stores.customers.create({});
    const conv = await stores.conversations.create({ customerId: customer.id, channel: 'widget' });
    const send = (id: string) => stores.conversations.appendMessage({
      conversationId: conv.id, author: 'customer', text: 'hello', idempotency: { senderKey: `customer:${customer.id}`, clientMessageId: id },
    });

    const other = new Database(path.join(dir, 'parley.db'));
    other.exec('BEGIN IMMEDIATE'); // held past the store's busy timeout
    await expect(send('m1')).rejects.toMatchObject({ code: 'ERR_STORE_UNAVAILABLE', details: { reason: 'SQLITE_BUSY' } });
    other.exec('ROLLBACK');
    other.close();

    const ok = await send('m1');
    expect(ok.duplicate).toBe(false);
    expect((await stores.conversations.recentMessages(conv.id)).map((m) => m.id)).toEqual([ok.message.id]);
    await stores.close();
  }, 20_000);
});
