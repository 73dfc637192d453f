/**
 * Storage adapters. app/compose.ts picks one from config:
 *   STORE=embedded -> openEmbeddedStores({ dataDir, cipher })
 *   STORE=mongo    -> openMongoStores({ uri: MONGODB_URI, cipher })
 * Both return the same `Stores` (core/ports/stores.ts) and pass stores/contract.
 */
export { openEmbeddedStores, type EmbeddedStoreOptions } from './embedded/index.js';
import type { Stores } from '../core/index.js';
import type { MongoStoreOptions } from './mongo/index.js';
export type { MongoStoreOptions };

/** Loaded on demand: mongoose costs ~1 s of start-up that embedded installs never need. */
export async function openMongoStores(opts: MongoStoreOptions): Promise<Stores> {
  const mongo = await import('./mongo/index.js');
  return mongo.openMongoStores(opts);
}
export { rotateEmbeddedKeys, type ResealProgress, type ResealReport } from './embedded/reseal.js';
