import { describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import type { Stores } from '../../core/index.js';
import { describeAllStoreContracts } from '../contract/all-contracts.js';
import { openMongoStores } from './index.js';
import { cipher, skipReason, uri, withServer } from './testing/mongo-env.js';

// The skip and its reason are declared once, in testing/mongo-env.ts.
if (skipReason) console.log(skipReason);

let suite = 0;
/** A fresh database per suite, dropped when the suite closes its stores. */
async function freshStores(): Promise<Stores> {
  const dbName = `parley_test_${process.pid}_${Date.now()}_${suite++}`;
  const stores = await openMongoStores({ uri: uri ?? '', cipher, dbName });
  return {
    ...stores,
    async close() {
      await stores.close();
      const conn = await mongoose.createConnection(uri ?? '', { dbName }).asPromise();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}

withServer('MongoDB adapter', () => {
  describeAllStoreContracts(freshStores);

  it('keeps PII sealed in the raw documents and data across reconnects', async () => {
    const dbName = `parley_test_${process.pid}_pii`;
    const first = await openMongoStores({ uri: uri ?? '', cipher, dbName });
    const c = await first.customers.create({ name: 'Grace Hopper', email: 'grace@example.com', visitorToken: 'tok-123456' });
    await first.close();
    const raw = await mongoose.createConnection(uri ?? '', { dbName }).asPromise();
    const doc = await raw.collection('customers').findOne({ name: { $exists: true } });
    expect(JSON.stringify(doc)).not.toContain('grace@example.com');
    expect(JSON.stringify(doc)).not.toContain('tok-123456');
    const second = await openMongoStores({ uri: uri ?? '', cipher, dbName });
    expect((await second.customers.get(c.id))?.email).toBe('grace@example.com');
    expect(await second.ping()).toBe(true);
    await second.close();
    await raw.dropDatabase();
    await raw.close();
  });
});

describe('MongoDB adapter without a server', () => {
  it('fails fast with ERR_STORE_UNAVAILABLE instead of hanging', async () => {
    // Port 9 (discard) on loopback: nothing listens, server selection gives up after 3 s.
    await expect(openMongoStores({ uri: 'mongodb://127.0.0.1:9/parley', cipher, connectAttempts: 1 })).rejects.toMatchObject({
      code: 'ERR_STORE_UNAVAILABLE',
    });
  });
});
