import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createFieldCipher, type FieldCipher, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from './index.js';
import { rotateEmbeddedKeys } from './reseal.js';

const OLD = 'rotate-old-key-rotate-old-key-000001';
const NEW = 'rotate-new-key-rotate-new-key-000002';
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sealed-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Distinct strings for every kind of customer data the embedded store holds. */
const SECRET = {
  message: 'my card number ends in 4242 and I live at 12 Rosewood Lane',
  externalId: 'shop-customer-ext-88213',
  attribute: 'platinum-tier-attr-5521',
  entity: 'ORDER-ENTITY-77310',
  kv: 'pending-slot-answer-zq81',
  dialogue: 'slot-value-typed-by-customer-k2j9',
};

/** Writes each kind once: a customer with an external id, a turn (message, summary, interaction) and a KV value. */
async function writeEverything(stores: Stores) {
  const customer = await stores.customers.create({ externalId: SECRET.externalId, attributes: { plan: SECRET.attribute } });
  const conv = await stores.conversations.create({ customerId: customer.id, channel: 'widget' });
  const { message } = await stores.conversations.appendMessage({
    conversationId: conv.id, author: 'customer', text: SECRET.message,
    idempotency: { senderKey: `customer:${customer.id}`, clientMessageId: 'm1' },
  });
  await stores.conversations.update(conv.id, {
    lastMessage: { author: 'customer', text: SECRET.message, createdAt: message.createdAt },
    dialogue: {
      form: { intent: 'order_status', values: { email: { text: SECRET.dialogue, value: SECRET.dialogue } },
        pending: { kind: 'slot', slot: 'order', attempts: 0 }, startedAt: message.createdAt, updatedAt: message.createdAt },
      topic: null,
    },
  });
  await stores.interactions.record({
    conversationId: conv.id, customerId: customer.id, messageId: message.id, channel: 'widget', text: SECRET.message,
    intent: null, alternatives: [], entities: [{ entity: 'order', text: SECRET.entity, value: SECRET.entity, start: 0, end: 5 }],
    sentiment: { score: 0, label: 'neutral' }, outOfScope: false, faqHits: [], decision: 'fallback', latencyMs: 3,
    createdAt: message.createdAt,
  });
  await stores.kv.put('bot.pending-slot', conv.id, { answer: SECRET.kv });
  return { customer, conv, message };
}

const rawBytes = (dir: string) =>
  Buffer.concat(['parley.db', 'parley.db-wal'].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));

async function readEverything(stores: Stores, ids: Awaited<ReturnType<typeof writeEverything>>) {
  return {
    byExternal: (await stores.customers.findByExternalId(SECRET.externalId))?.id,
    attributes: (await stores.customers.get(ids.customer.id))?.attributes,
    text: (await stores.conversations.recentMessages(ids.conv.id))[0]?.text,
    last: (await stores.conversations.get(ids.conv.id))?.lastMessage?.text,
    slot: (await stores.conversations.get(ids.conv.id))?.dialogue?.form?.values.email?.text,
    interaction: (await stores.interactions.list({ customerId: ids.customer.id })).items[0]?.entities[0]?.text,
    kv: await stores.kv.get('bot.pending-slot', ids.conv.id),
  };
}
const expected = (customerId: string) => ({
  byExternal: customerId, attributes: { plan: SECRET.attribute }, text: SECRET.message, last: SECRET.message, slot: SECRET.dialogue,
  interaction: SECRET.entity, kv: { answer: SECRET.kv },
});

describe('embedded store: customer data sealed at rest', () => {
  it('the raw database and WAL bytes hold none of the plaintext, and every port reads it back', async () => {
    const dir = tempDir();
    const stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher(OLD) });
    const ids = await writeEverything(stores);
    // While open (the WAL holds the fresh pages) and after close (folded into the file).
    const open = rawBytes(dir);
    expect(await readEverything(stores, ids)).toEqual(expected(ids.customer.id));
    await stores.close();
    for (const bytes of [open, rawBytes(dir)]) {
      for (const [kind, value] of Object.entries(SECRET)) expect({ kind, found: bytes.includes(value) }).toEqual({ kind, found: false });
      // Not even a fragment of the message survives in clear.
      expect(bytes.includes('Rosewood')).toBe(false);
    }
  });

  it('rotates keys: old rows read with ENCRYPTION_KEY_PREVIOUS, keys:rotate re-seals all of them, then the old key is not needed', async () => {
    const dir = tempDir();
    const before = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher(OLD) });
    const ids = await writeEverything(before);
    await before.close();

    const rotated: FieldCipher = createFieldCipher(NEW, [OLD]);
    const during = await openEmbeddedStores({ dataDir: dir, cipher: rotated });
    expect(await readEverything(during, ids)).toEqual(expected(ids.customer.id));
    await during.close();

    const progress: number[] = [];
    const report = rotateEmbeddedKeys({ dataDir: dir, cipher: rotated, batchSize: 1 }, (p) => progress.push(p.scanned));
    expect(report.resealed).toBe(report.scanned);
    expect(report.tables.messages).toEqual({ scanned: 1, resealed: 1 });
    expect(report.tables.customers).toEqual({ scanned: 1, resealed: 1 });
    expect(progress.length).toBeGreaterThan(5);
    // Re-running finds nothing left to do.
    expect(rotateEmbeddedKeys({ dataDir: dir, cipher: rotated }).resealed).toBe(0);

    const after = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher(NEW) });
    expect(await readEverything(after, ids)).toEqual(expected(ids.customer.id));
    await after.close();
    const stale = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher(OLD) });
    await expect(stale.conversations.recentMessages(ids.conv.id)).rejects.toThrow(/unknown key/);
    await stale.close();
  });

  it('keys:rotate seals rows written in plain before sealing existed (external id found by hash afterwards)', async () => {
    const dir = tempDir();
    const stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher(OLD) });
    const ids = await writeEverything(stores);
    await stores.close();
    // Turn the sealed rows back into the plain form older versions wrote.
    const cipher = createFieldCipher(OLD);
    const db = new Database(path.join(dir, 'parley.db'));
    const msg = db.prepare('SELECT text FROM messages').get() as { text: string };
    db.prepare('UPDATE messages SET text = ?').run(cipher.decrypt(msg.text));
    db.prepare('UPDATE customers SET external_id = ?, external_id_hash = NULL').run(SECRET.externalId);
    db.close();

    const legacy = await openEmbeddedStores({ dataDir: dir, cipher });
    expect((await legacy.customers.findByExternalId(SECRET.externalId))?.id).toBe(ids.customer.id);
    await legacy.close();
    expect(rawBytes(dir).includes(SECRET.externalId)).toBe(true);

    expect(rotateEmbeddedKeys({ dataDir: dir, cipher }).resealed).toBe(2);
    expect(rawBytes(dir).includes(SECRET.externalId)).toBe(false);
    expect(rawBytes(dir).includes(SECRET.message)).toBe(false);
    const sealed = await openEmbeddedStores({ dataDir: dir, cipher });
    expect(await readEverything(sealed, ids)).toEqual(expected(ids.customer.id));
    await sealed.close();
  });
});
