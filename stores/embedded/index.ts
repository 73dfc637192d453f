import type { FieldCipher, Stores } from '../../core/index.js';
import { openDatabase } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';
import { createCustomerStore } from './customer-store.js';
import { createConversationStore } from './conversation-store.js';
import { createInteractionLog } from './interaction-log.js';
import { createKnowledgeStore } from './knowledge-store.js';
import { createIntentStore } from './intent-store.js';
import { createNluModelStore } from './nlu-model-store.js';
import { createUserStore } from './user-store.js';
import { createAuditLog } from './audit-log.js';
import { createApiKeyStore } from './api-key-store.js';
import { createKvStore } from './kv-store.js';
import { createOrderStore } from './order-store.js';
import { createCrmInsightStore } from './crm-insight-store.js';
import { createRecommendationStore } from './recommendation-store.js';
import { guardPort } from './guard.js';

export interface EmbeddedStoreOptions {
  /** Directory of the database file; created if missing. */
  dataDir: string;
  /** Seals customer data at rest: profile PII and external ids, message text, interaction records, KV values. */
  cipher: FieldCipher;
  /** Default `parley.db`. */
  fileName?: string;
}

/** Every storage port on one SQLite file (WAL, one transaction per loop turn, migrated on open). */
export async function openEmbeddedStores(opts: EmbeddedStoreOptions): Promise<Stores> {
  const db = openDatabase(opts.dataDir, opts.fileName);
  const ping = db.prepare('SELECT 1 AS ok');
  let closed = false;
  return {
    kind: 'embedded',
    customers: guardPort(createCustomerStore(db, opts.cipher)),
    conversations: guardPort(createConversationStore(db, opts.cipher)),
    interactions: guardPort(createInteractionLog(db, opts.cipher)),
    orders: guardPort(createOrderStore(db)),
    knowledge: guardPort(createKnowledgeStore(db)),
    intents: guardPort(createIntentStore(db)),
    nluModels: guardPort(createNluModelStore(db)),
    users: guardPort(createUserStore(db)),
    audit: guardPort(createAuditLog(db)),
    kv: guardPort(createKvStore(db, opts.cipher)),
    insights: guardPort(createCrmInsightStore(db)),
    apiKeys: guardPort(createApiKeyStore(db)),
    recommendations: guardPort(createRecommendationStore(db)),
    async ping() {
      if (closed) return false;
      try {
        return (ping.get() as { ok: number } | undefined)?.ok === 1;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await loopTransaction(db).close();
      // Fold the WAL into the main file so a copied data dir is self-contained.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
