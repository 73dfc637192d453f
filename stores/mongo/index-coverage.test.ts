import { describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { createFieldCipher } from '../../core/index.js';
import { allModels, buildStores, mongoModels } from './build-stores.js';
import { indexDefs, indexMismatch, type IndexDef } from './index-coverage.js';
import { HOT_QUERIES, recordQueries } from './testing/hot-queries.js';

// A connection that never opens: with bufferCommands off each call fails at once, after
// mongoose's debug hook has shown us the exact filter the store would send.
const conn = mongoose.createConnection();
conn.config.bufferCommands = false;
const seen = recordQueries(conn);
const models = mongoModels(conn);
const stores = buildStores(models, createFieldCipher('index-key-index-key-index-key-index-k0'));
const indexes = new Map<string, IndexDef[]>(allModels(models).map((m) => [m.collection.name, indexDefs(m.schema.indexes())]));

describe('every hot query can use an index (partial filters included), no server needed', () => {
  it.each(HOT_QUERIES.map((q) => [q.name, q] as const))('%s', async (_name, hot) => {
    seen.length = 0;
    await hot.run(stores).catch(() => undefined);
    expect(seen.length).toBeGreaterThan(0);
    for (const q of seen) {
      const defs = indexes.get(q.collection) ?? [];
      const reasons = defs.map((d) => `${JSON.stringify(d.keys)}: ${indexMismatch(q.filter, d, q.sort) ?? 'ok'}`);
      const verdict = reasons.some((r) => r.endsWith(': ok')) ? 'usable' : `${q.collection}.${q.method} ${JSON.stringify(q.filter)} -> ${reasons.join('; ')}`;
      // On failure the message names the query and why each index was refused.
      expect(verdict).toBe('usable');
    }
  });
});

describe('index coverage rules', () => {
  const partial: IndexDef = { keys: { senderKey: 1, clientMessageId: 1 }, partialFilterExpression: { clientMessageId: { $type: 'string' } } };
  it('refuses a partial index the filter does not imply, accepts it when the predicate is repeated', () => {
    expect(indexMismatch({ senderKey: 'a', clientMessageId: 'b' }, partial)).toMatch(/partial/);
    expect(indexMismatch({ senderKey: 'a', clientMessageId: { $eq: 'b', $type: 'string' } }, partial)).toBeNull();
  });
  it('needs the first key bounded and the sort in index order', () => {
    expect(indexMismatch({ clientMessageId: 'b' }, { keys: { senderKey: 1, clientMessageId: 1 } })).toMatch(/bound/);
    expect(indexMismatch({ conversationId: 'c' }, { keys: { conversationId: 1, seq: 1 } }, { seq: -1 })).toBeNull();
    expect(indexMismatch({ conversationId: 'c' }, { keys: { conversationId: 1, seq: 1 } }, { createdAt: 1 })).toMatch(/sort/);
  });
});
