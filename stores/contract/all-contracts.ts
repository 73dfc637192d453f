import { describeApiKeyStore } from './api-key-store.contract.js';
import { describeAuditLog } from './audit-log.contract.js';
import { describeCrmInsightStore } from './crm-insight-store.contract.js';
import { describeConversationStore } from './conversation-store.contract.js';
import { describeCustomerErase } from './erase.contract.js';
import { describeCustomerStore } from './customer-store.contract.js';
import { describeIntentStore } from './intent-store.contract.js';
import { describeInteractionLog } from './interaction-log.contract.js';
import { describeKeyValueStore } from './kv-store.contract.js';
import { describeKnowledgeStore } from './knowledge-store.contract.js';
import { describeMessages } from './message.contract.js';
import { describeOrderStore } from './order-store.contract.js';
import { describeNluModelStore } from './nlu-model-store.contract.js';
import { describeUserStore } from './user-store.contract.js';
import { describeRecommendationStore } from './recommendation-store.contract.js';
import type { StoresFactory } from './harness.js';

export type { StoresFactory };

/** Every port's contract, for an adapter's test file. */
export function describeAllStoreContracts(make: StoresFactory): void {
  describeCustomerStore(make);
  describeConversationStore(make);
  describeMessages(make);
  describeInteractionLog(make);
  describeCustomerErase(make);
  describeOrderStore(make);
  describeKnowledgeStore(make);
  describeIntentStore(make);
  describeNluModelStore(make);
  describeUserStore(make);
  describeAuditLog(make);
  describeApiKeyStore(make);
  describeKeyValueStore(make);
  describeCrmInsightStore(make);
  describeRecommendationStore(make);
}
