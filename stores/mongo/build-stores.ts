import type { Connection } from 'mongoose';
import type { FieldCipher, Stores } from '../../core/index.js';
import { crmModels, type CrmModels } from './crm-models.js';
import { adminModels, type AdminModels } from './admin-models.js';
import { insightModels, type InsightModels } from './insight-models.js';
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
import { createRecommendationStore, recommendationModel } from './recommendation-store.js';
import { apiKeyModel, createApiKeyStore } from './api-key-store.js';
import { noFaults, type FaultHook } from './fault-hook.js';
import { guardPort } from './unavailable.js';

export interface MongoModels {
  crm: CrmModels;
  admin: AdminModels;
  insight: InsightModels;
  recs: ReturnType<typeof recommendationModel>;
  apiKeys: ReturnType<typeof apiKeyModel>;
}

export function mongoModels(conn: Connection): MongoModels {
  return { crm: crmModels(conn), admin: adminModels(conn), insight: insightModels(conn), recs: recommendationModel(conn), apiKeys: apiKeyModel(conn) };
}

/** Every model, for index builds and the index-coverage test. */
export const allModels = (m: MongoModels) => [...Object.values(m.crm), ...Object.values(m.admin), ...Object.values(m.insight), m.recs, m.apiKeys];

/**
 * The store objects over a connection, without touching the server: openMongoStores adds
 * the connection, index migration and start-up migration; the index-coverage test uses
 * this on a connection that never opens to record each hot query's filter.
 */
export function buildStores(m: MongoModels, cipher: FieldCipher, fault: FaultHook = noFaults): Omit<Stores, 'ping' | 'close'> {
  return {
    kind: 'mongo',
    customers: guardPort(createCustomerStore(m.crm, cipher, fault)),
    conversations: guardPort(createConversationStore(m.crm, fault)),
    interactions: guardPort(createInteractionLog(m.crm)),
    orders: guardPort(createOrderStore(m.crm)),
    knowledge: guardPort(createKnowledgeStore(m.admin, fault)),
    intents: guardPort(createIntentStore(m.admin)),
    nluModels: guardPort(createNluModelStore(m.admin)),
    users: guardPort(createUserStore(m.admin)),
    audit: guardPort(createAuditLog(m.admin)),
    kv: guardPort(createKvStore(m.admin)),
    insights: guardPort(createCrmInsightStore(m.insight)),
    recommendations: guardPort(createRecommendationStore(m.recs)),
    apiKeys: guardPort(createApiKeyStore(m.apiKeys)),
  };
}
