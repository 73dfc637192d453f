import type { FieldCipher, Stores } from '../../core/index.js';
import { openConnection } from './connection.js';
import { allModels, buildStores, mongoModels } from './build-stores.js';

export interface MongoStoreOptions {
  /** mongodb:// or mongodb+srv:// connection string. */
  uri: string;
  /** Seals PII fields (customer name, email, visitor token). */
  cipher: FieldCipher;
  /** Overrides the database named in the uri (tests use one database per suite). */
  dbName?: string;
}

/** Every storage port on MongoDB through one dedicated mongoose connection. */
export async function openMongoStores(opts: MongoStoreOptions): Promise<Stores> {
  const conn = await openConnection(opts.uri, opts.dbName);
  const models = mongoModels(conn);
  try {
    // Unique indexes carry correctness (idempotent append, one active model, unique emails):
    // build them before the first write instead of trusting background autoIndex.
    await Promise.all(allModels(models).map((model) => model.createIndexes()));
  } catch (err) {
    await conn.close();
    throw err;
  }
  return {
    ...buildStores(models, opts.cipher),
    async ping() {
      try {
        const db = conn.db;
        if (!db || conn.readyState !== 1) return false;
        await db.admin().ping();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await conn.close();
    },
  };
}
