import { execSync } from 'node:child_process';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openMongoStores } from './index.js';
import type { FaultHook } from './fault-hook.js';
import { cipher, dropDb, freshDbName, rawDb, skipReason, uri, withServer } from './testing/mongo-env.js';

if (skipReason) console.log(skipReason);
/** Documents as older versions wrote them (any fields, string ids). */
type OldDoc = { _id: string } & Record<string, unknown>;
const dbs: string[] = [];
afterAll(async () => {
  if (uri) for (const db of dbs) await dropDb(db);
});
const db = () => {
  const name = freshDbName('faults');
  dbs.push(name);
  return name;
};
/** Stops the write at `step`, as a crash there would. */
const crashAt = (step: string): FaultHook => (s) => {
  if (s === step) throw new Error(`crash at ${s}`);
};

withServer('crash between the steps of a multi-step write (fault hook)', () => {
  it('a reassign stopped halfway is finished by the next start', async () => {
    const dbName = db();
    const first = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1, faults: crashAt('reassign:conversations') });
    const anon = await first.customers.create({});
    const known = await first.customers.create({});
    const conv = await first.conversations.create({ customerId: anon.id, channel: 'widget' });
    await first.conversations.appendMessage({ conversationId: conv.id, author: 'customer', text: 'hi' });
    await first.interactions.record({ conversationId: conv.id, customerId: anon.id, messageId: 'm', channel: 'widget', text: 'hi', intent: null, alternatives: [], entities: [], sentiment: 0, outOfScope: false, faqHits: [], decision: 'answer', latencyMs: 1, createdAt: new Date().toISOString() } as never);
    await expect(first.conversations.reassignCustomer(anon.id, known.id)).rejects.toThrow('crash at');
    await first.close();
    const second = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1 });
    expect((await second.conversations.get(conv.id))?.customerId).toBe(known.id);
    expect((await second.interactions.list({ customerId: anon.id })).items).toHaveLength(0);
    const raw = await rawDb(dbName);
    expect(await raw.collection('messages').countDocuments({ customerId: anon.id })).toBe(0);
    expect(await raw.collection('reassignments').countDocuments({})).toBe(0);
    await raw.close();
    await second.close();
  }, 30_000);

  it('an erase stopped halfway is finished by running it again', async () => {
    const dbName = db();
    const stores = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1, faults: crashAt('erase:messages') });
    const c = await stores.customers.create({});
    const conv = await stores.conversations.create({ customerId: c.id, channel: 'widget' });
    await stores.conversations.appendMessage({ conversationId: conv.id, author: 'customer', text: 'secret' });
    await expect(stores.customers.erase(c.id)).rejects.toThrow('crash at');
    await stores.close();
    const again = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1 });
    await again.customers.erase(c.id);
    expect(await again.customers.get(c.id)).toBeNull();
    expect(await again.conversations.get(conv.id)).toBeNull();
    const raw = await rawDb(dbName);
    expect(await raw.collection('messages').countDocuments({})).toBe(0);
    await raw.close();
    await again.close();
  }, 30_000);

  it('a FAQ write whose revision bump never happened is bumped by a later reader', async () => {
    const dbName = db();
    const stores = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1, faults: crashAt('faq:written') });
    const before = await stores.knowledge.revision();
    await expect(stores.knowledge.create({ question: 'q?', answer: 'a', alternates: [], tags: [] })).rejects.toThrow('crash at');
    expect(await stores.knowledge.revision()).toBe(before); // not yet: the writer may still be alive
    const raw = await rawDb(dbName);
    // Age the pending mark past STALE_WRITE_MS instead of waiting for it.
    await raw.collection<OldDoc>('counters').updateOne({ _id: 'faq_revision' }, { $set: { dirtyAt: new Date(Date.now() - 60_000).toISOString() } });
    expect(await stores.knowledge.revision()).toBeGreaterThan(before);
    await raw.close();
    await stores.close();
  }, 30_000);
});

withServer('documents and indexes from older versions', () => {
  it('migrates old messages, the old active-model flag and a changed index option at start', async () => {
    const dbName = db();
    const raw = await rawDb(dbName);
    await raw.collection<OldDoc>('conversations').insertOne({ _id: 'c-old', customerId: 'u-old', channel: 'widget', state: 'bot', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    await raw.collection<OldDoc>('customers').insertOne({ _id: 'u-old', visitorTokenHash: null, createdAt: '2025-01-01T00:00:00.000Z', lastSeenAt: '2025-01-01T00:00:00.000Z' });
    await raw.collection<OldDoc>('messages').insertMany([
      { _id: '0001', conversationId: 'c-old', author: 'customer', text: 'first', createdAt: '2025-01-01T00:00:00.000Z' },
      { _id: '0002', conversationId: 'c-old', author: 'bot', text: 'second', createdAt: '2025-01-01T00:00:01.000Z' },
    ]);
    await raw.collection<OldDoc>('nlu_models').insertOne({ _id: 'v1', createdAt: '2025-01-01', data: '{}', metrics: '{}', active: true });
    // An older build's index under the name ours uses, with other options.
    await raw.collection('customers').createIndex({ externalId: 1 }, { name: 'externalId_1', sparse: true });

    const stores = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1 });
    await stores.conversations.appendMessage({ conversationId: 'c-old', author: 'customer', text: 'third' });
    expect((await stores.conversations.recentMessages('c-old')).map((m) => m.text)).toEqual(['first', 'second', 'third']);
    expect((await stores.conversations.listMessages('c-old', { limit: 2 })).items.map((m) => m.text)).toEqual(['first', 'second']);
    expect((await stores.nluModels.active())?.version).toBe('v1');
    expect((await stores.customers.get('u-old'))?.stats.messageCount).toBe(0);
    const conv = await stores.conversations.transition('c-old', { event: 'escalate', actor: { kind: 'system', id: 't' }, at: new Date().toISOString() });
    expect(conv.conversation.state).toBe('queued');
    await stores.customers.erase('u-old');
    expect(await raw.collection('messages').countDocuments({})).toBe(0);
    const idx = await raw.collection('customers').indexes();
    expect(idx.find((i) => i.name === 'externalId_1')?.partialFilterExpression).toEqual({ externalId: { $type: 'string' } });
    await raw.close();
    await stores.close();
  }, 30_000);

  it('stores operator objects and $-prefixed keys as data', async () => {
    const dbName = db();
    const stores = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1 });
    const attributes = { $gt: '', 'plan.tier': 'gold', note: '{"$ne":null}' };
    const c = await stores.customers.create({ attributes });
    expect((await stores.customers.get(c.id))?.attributes).toEqual(attributes);
    expect((await stores.customers.update(c.id, { attributes: { $where: 'x' } })).attributes).toEqual({ $where: 'x' });
    await stores.close();
  }, 30_000);
});

/**
 * Needs a way to stop and start the server: MONGODB_STOP_CMD / MONGODB_START_CMD
 * (e.g. `docker stop parley-mongo` / `docker start parley-mongo`).
 */
const stopCmd = process.env.MONGODB_STOP_CMD;
const startCmd = process.env.MONGODB_START_CMD;
const withControl = uri && stopCmd && startCmd ? describe : describe.skip;
if (!(uri && stopCmd && startCmd)) console.log('skip: outage test needs MONGODB_URI, MONGODB_STOP_CMD and MONGODB_START_CMD');

withControl('outage under traffic', () => {
  it('answers ERR_STORE_UNAVAILABLE within about 3 s and recovers without a restart', async () => {
    const dbName = db();
    const stores = await openMongoStores({ uri, cipher, dbName, connectAttempts: 1 });
    const c = await stores.customers.create({});
    const conv = await stores.conversations.create({ customerId: c.id, channel: 'widget' });
    execSync(stopCmd ?? '', { stdio: 'ignore' });
    const stoppedAt = Date.now();
    let code = '';
    while (code !== 'ERR_STORE_UNAVAILABLE' && Date.now() - stoppedAt < 15_000) {
      code = await stores.conversations.appendMessage({ conversationId: conv.id, author: 'customer', text: 'x' }).then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));
    }
    expect(code).toBe('ERR_STORE_UNAVAILABLE');
    // Server selection gives up after 3 s; allow the stop command's own lag.
    expect(Date.now() - stoppedAt).toBeLessThan(8000);
    execSync(startCmd ?? '', { stdio: 'ignore' });
    let back = false;
    for (let i = 0; i < 30 && !back; i++) {
      back = await stores.conversations.appendMessage({ conversationId: conv.id, author: 'customer', text: 'back' }).then(() => true, () => false);
      if (!back) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(back).toBe(true);
    await stores.close();
  }, 90_000);
});
