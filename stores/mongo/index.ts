import type { FieldCipher, Stores } from '../../core/index.js';
import { openConnection } from './connection.js';
import { buildStores, mongoModels } from './build-stores.js';
import type { FaultHook } from './fault-hook.js';
import { migrate } from './migrations.js';

export interface MongoStoreOptions {
  /** mongodb:// or mongodb+srv:// connection string. */
  uri: string;
  /** Seals PII fields (customer name, email, visitor token). */
  cipher: FieldCipher;
  /** Overrides the database named in the uri (tests use one database per suite). */
  dbName?: string;
  /** Connection attempts at start (default 5, pauses doubling from 1 s). */
  connectAttempts?: number;
  /** Test seam between the steps of multi-step writes (crash-between-steps tests). */
  faults?: FaultHook;
}

export type { FaultHook };

/** Every storage port on MongoDB through one dedicated mongoose connection. */
export async function openMongoStores(opts: MongoStoreOptions): Promise<Stores> {
  const conn = await openConnection(opts.uri, opts.dbName, opts.connectAttempts);
  const models = mongoModels(conn);
  try {
    // Unique indexes carry correctness (idempotent append, unique emails): build (or
    // migrate) them before the first write instead of trusting background autoIndex;
    // then bring older documents up to date and finish crashed reassigns.
    await migrate(models, opts.faults ?? (() => undefined));
  } catch (err) {
    await conn.close();
    throw err;
  }
  return {
    ...buildStores(models, opts.cipher, opts.faults),
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
