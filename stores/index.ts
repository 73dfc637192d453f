/**
 * Storage adapters. app/compose.ts picks one from config:
 *   STORE=embedded -> openEmbeddedStores({ dataDir, cipher })
 *   STORE=mongo    -> openMongoStores({ uri: MONGODB_URI, cipher })
 * Both return the same `Stores` (core/ports/stores.ts) and pass stores/contract.
 */
export { openEmbeddedStores, type EmbeddedStoreOptions } from './embedded/index.js';
export { openMongoStores, type MongoStoreOptions } from './mongo/index.js';
