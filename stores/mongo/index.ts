import type { FieldCipher, Stores } from '../../core/index.js';
import { openConnection } from './connection.js';
import { crmModels } from './crm-models.js';
import { adminModels } from './admin-models.js';
import { createCustomerStore } from './customer-store.js';
import { createConversationStore } from './conversation-store.js';
import { createInteractionLog } from './interaction-log.js';
import { createKnowledgeStore } from './knowledge-store.js';
import { createIntentStore } from './intent-store.js';
import { createNluModelStore } from './nlu-model-store.js';
import { createUserStore } from './user-store.js';
import { createAuditLog } from './audit-log.js';
import { createKvStore } from './kv-store.js';
import { createOrderStore } from './order-store.js';
import { createCrmInsightStore } from './crm-insight-store.js';
import { insightModels } from './insight-models.js';
import { createRecommendationStore, recommendationModel } from './recommendation-store.js';
import { apiKeyModel, createApiKeyStore } from './api-key-store.js';

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
  const crm = crmModels(conn);
  const admin = adminModels(conn);
  const insight = insightModels(conn);
  const recs = recommendationModel(conn);
  const apiKeys = apiKeyModel(conn);
  try {
    // Unique indexes carry correctness (idempotent append, one active model, unique emails):
    // build them before the first write instead of trusting background autoIndex.
    await Promise.all([...Object.values(crm), ...Object.values(admin), ...Object.values(insight), recs, apiKeys].map((model) => model.createIndexes()));
  } catch (err) {
    await conn.close();
    throw err;
  }
  return {
    kind: 'mongo',
    customers: createCustomerStore(crm, opts.cipher),
    conversations: createConversationStore(crm),
    interactions: createInteractionLog(crm),
    orders: createOrderStore(crm),
    knowledge: createKnowledgeStore(admin),
    intents: createIntentStore(admin),
    nluModels: createNluModelStore(admin),
    users: createUserStore(admin),
    audit: createAuditLog(admin),
    apiKeys: createApiKeyStore(apiKeys),
    kv: createKvStore(admin),
    insights: createCrmInsightStore(insight),
    recommendations: createRecommendationStore(recs),
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
