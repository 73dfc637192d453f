import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createFieldCipher } from '../../core/index.js';
import { describeAllStoreContracts } from '../contract/all-contracts.js';
import { openEmbeddedStores } from './index.js';
import { migrations } from './migrations.js';
import { openDatabase } from './open-database.js';

const cipher = createFieldCipher('test-key-test-key-test-key-test-key-0123');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-embedded-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeAllStoreContracts(() => openEmbeddedStores({ dataDir: tempDir(), cipher }));

describe('embedded store specifics', () => {
  it('creates the data dir, runs in WAL with synchronous=NORMAL (durable writes fsync the WAL themselves) and records the applied migrations', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const stores = await openEmbeddedStores({ dataDir, cipher });
    expect(await stores.ping()).toBe(true);
    await stores.close();
    expect(await stores.ping()).toBe(false);
    const db = openDatabase(dataDir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions).toEqual(migrations.map((m) => ({ version: m.version })));
    db.close();
    // Opening again applies nothing twice.
    const again = await openEmbeddedStores({ dataDir, cipher });
    expect(await again.ping()).toBe(true);
    await again.close();
  });

  it('leaves no erased text in the raw bytes of the database or its WAL, while the store stays open', async () => {
    const dataDir = tempDir();
    const stores = await openEmbeddedStores({ dataDir, cipher, fileName: 'erase.db' });
    const marker = 'erase-me-7f3a9c plain message text';
    const keep = 'keep-me-2b8d1e another customer';
    const files = () => ['erase.db', 'erase.db-wal'].map((f) => path.join(dataDir, f)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
    const say = async (text: string) => {
      const c = await stores.customers.create({});
      const conv = await stores.conversations.create({ customerId: c.id, channel: 'widget' });
      await stores.conversations.appendMessage({ conversationId: conv.id, author: 'customer', text });
      return c.id;
    };
    const gone = await say(marker);
    const kept = await say(keep);
    await new Promise((resolve) => setImmediate(resolve)); // the loop transaction commits
    // Message text is sealed at rest: look for the sealed bytes the file holds.
    const peek = new Database(path.join(dataDir, 'erase.db'), { readonly: true });
    const sealedOf = (id: string) => (peek.prepare(`SELECT m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.customer_id = ?`).get(id) as { text: string }).text;
    const goneSealed = sealedOf(gone);
    const keepSealed = sealedOf(kept);
    peek.close();
    expect(files().some((b) => b.includes(goneSealed))).toBe(true);
    await stores.customers.erase(gone);
    expect(files().some((b) => b.includes(goneSealed))).toBe(false);
    expect(files().some((b) => b.includes(keepSealed))).toBe(true);
    await stores.close();
  });

  it('keeps PII encrypted on disk and the visitor token only sealed and hashed', async () => {
    const dataDir = tempDir();
    const stores = await openEmbeddedStores({ dataDir, cipher, fileName: 'pii.db' });
    const token = 'visitor-secret-token-123456';
    const c = await stores.customers.create({ name: 'Grace Hopper', email: 'grace.hopper@example.com', visitorToken: token });
    await stores.close();
    const raw = fs.readFileSync(path.join(dataDir, 'pii.db'));
    expect(raw.includes('grace.hopper@example.com')).toBe(false);
    expect(raw.includes('Grace Hopper')).toBe(false);
    expect(raw.includes(token)).toBe(false);
    const db = new Database(path.join(dataDir, 'pii.db'), { readonly: true });
    const row = db.prepare('SELECT name, email, visitor_token FROM customers WHERE id = ?').get(c.id) as Record<string, string>;
    db.close();
    expect(row.email).toMatch(/^enc2:/);
    expect(cipher.decrypt(row.email ?? '')).toBe('grace.hopper@example.com');
    expect(row.visitor_token).toMatch(/^enc2:/);
  });

  it('keeps acknowledged writes across close and reopen', async () => {
    const dataDir = tempDir();
    const first = await openEmbeddedStores({ dataDir, cipher });
    const customer = await first.customers.create({ email: 'dur@example.com' });
    const conv = await first.conversations.create({ customerId: customer.id, channel: 'widget' });
    const sent = await first.conversations.appendMessage({
      conversationId: conv.id,
      author: 'customer',
      text: 'still here?',
      idempotency: { senderKey: `customer:${customer.id}`, clientMessageId: 'k1' },
    });
    await first.conversations.transition(conv.id, { event: 'escalate', actor: { kind: 'bot' }, at: new Date().toISOString() });
    await first.kv.put('settings', 'greeting', { text: 'hi' });
    await first.close();

    const second = await openEmbeddedStores({ dataDir, cipher });
    expect((await second.customers.get(customer.id))?.email).toBe('dur@example.com');
    expect((await second.conversations.get(conv.id))?.state).toBe('queued');
    expect(await second.conversations.recentMessages(conv.id)).toEqual([sent.message]);
    const retry = await second.conversations.appendMessage({
      conversationId: conv.id,
      author: 'customer',
      text: 'still here?',
      idempotency: { senderKey: `customer:${customer.id}`, clientMessageId: 'k1' },
    });
    expect(retry).toEqual({ message: sent.message, duplicate: true });
    expect(await second.kv.get('settings', 'greeting')).toEqual({ text: 'hi' });
    await second.close();
  });

  it('a customer sealed with another key cannot be read', async () => {
    const dataDir = tempDir();
    const a = await openEmbeddedStores({ dataDir, cipher });
    const c = await a.customers.create({ email: 'x@example.com' });
    await a.close();
    const b = await openEmbeddedStores({ dataDir, cipher: createFieldCipher('another-key-another-key-another-key-99') });
    await expect(b.customers.get(c.id)).rejects.toThrow();
    await b.close();
  });
});
