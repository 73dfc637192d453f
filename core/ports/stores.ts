import type { Page, PageRequest } from '../schemas/common.js';
import type { ApiKey, NewApiKey } from '../schemas/api-key.js';
import type { Customer, CustomerPatch, NewCustomer, ProfileDelta } from '../schemas/customer.js';
import type { AppendResult, Message, NewMessage } from '../schemas/message.js';
import type {
  Conversation,
  ConversationEvent,
  ConversationPatch,
  ConversationState,
  Csat,
  NewConversation,
  TransitionInput,
} from '../schemas/conversation.js';
import type { Interaction, NewInteraction } from '../schemas/interaction.js';
import type { FaqEntry, FaqPatch, NewFaqEntry } from '../schemas/faq.js';
import type { EntityDefinition, Intent, NluModelRecord } from '../schemas/intent.js';
import type { ImportLine, NewOrder, Order, OrderStatus, Product, ScannedLine, UpsertCounts } from '../schemas/order.js';
import type { CrmRunSummary, CustomerInsights } from '../schemas/crm-insights.js';
import type { CustomerRecommendations } from '../schemas/recommendations.js';
import type { AuditEvent, NewAuditEvent, NewStaffUser, StaffUser, StaffUserPatch } from '../schemas/staff.js';

/**
 * Storage ports. Every adapter (embedded SQLite, MongoDB) passes the same
 * contract suite in stores/contract. Lists are newest-first unless stated,
 * paginated with an opaque cursor. A write that resolved is durable.
 * "not found" reads return null; updates of a missing record throw the
 * matching ERR_<THING>_NOT_FOUND ParleyError.
 */

export interface CustomerStore {
  create(input: NewCustomer): Promise<Customer>;
  get(id: string): Promise<Customer | null>;
  findByVisitorToken(token: string): Promise<Customer | null>;
  findByExternalId(externalId: string): Promise<Customer | null>;
  update(id: string, patch: CustomerPatch): Promise<Customer>;
  /** Atomic increments of the rolling profile aggregates. */
  recordActivity(id: string, delta: ProfileDelta): Promise<void>;
  list(page?: PageRequest): Promise<Page<Customer>>;
  count(): Promise<number>;
  /** Removes the customer record (other stores erase their part by customerId). */
  erase(id: string): Promise<void>;
}

export interface ConversationListQuery extends PageRequest {
  states?: ConversationState[];
  customerId?: string;
}

export interface ConversationStore {
  create(input: NewConversation): Promise<Conversation>;
  get(id: string): Promise<Conversation | null>;
  /** The customer's conversation that is not closed, if any (newest). */
  findOpen(customerId: string): Promise<Conversation | null>;
  /** The customer's most recent conversation of any state. */
  findLatest(customerId: string): Promise<Conversation | null>;
  list(query?: ConversationListQuery): Promise<Page<Conversation>>;
  /** Policy counters and denormalised summary fields; does not change state. */
  update(id: string, patch: ConversationPatch): Promise<Conversation>;
  /**
   * Applies core `applyTransition` atomically (compare-and-set): of two
   * concurrent claims exactly one wins, the other gets ERR_CONVERSATION_ALREADY_CLAIMED.
   * Appends a ConversationEvent in the same transaction.
   */
  transition(id: string, input: TransitionInput): Promise<{ conversation: Conversation; event: ConversationEvent }>;
  /** Stores CSAT once: ERR_CONVERSATION_NOT_CLOSED before close, ERR_CSAT_ALREADY_GIVEN after the first. */
  setCsat(id: string, csat: Csat): Promise<Conversation>;
  listEvents(conversationId: string): Promise<ConversationEvent[]>;
  /** Moves conversations from an anonymous customer to an identified one. */
  reassignCustomer(fromCustomerId: string, toCustomerId: string): Promise<number>;

  /** Idempotent on `idempotency` (senderKey + clientMessageId): a repeat returns the original with duplicate=true. */
  appendMessage(input: NewMessage): Promise<AppendResult>;
  /** Oldest first, at most `limit` (default 100) most recent messages. */
  recentMessages(conversationId: string, limit?: number): Promise<Message[]>;
  /** Paginated, oldest first. */
  listMessages(conversationId: string, page?: PageRequest): Promise<Page<Message>>;
  /** Replies (bot/agent/system) recorded with inReplyTo = messageId, oldest first. */
  listReplies(messageId: string): Promise<Message[]>;
  getMessage(id: string): Promise<Message | null>;
  /** The message stored under this idempotency key, whatever conversation it went to (retries after a close). */
  findByIdempotency(key: { senderKey: string; clientMessageId: string }): Promise<Message | null>;

  eraseCustomer(customerId: string): Promise<void>;
}

export interface OrderStore {
  /**
   * Creates or replaces one order with exactly these lines (a line not given any more is removed);
   * lines are identified by (orderId, productId). `outcome` says whether anything changed.
   */
  upsert(order: NewOrder): Promise<{ order: Order; outcome: keyof UpsertCounts }>;
  /**
   * Import batch in one transaction: each line is upserted by (orderId, productId) and counted; other
   * lines of its order stay. A missing order is created with `status`; the line's customer and date
   * become the order's; totals are recomputed.
   */
  upsertLines(lines: ImportLine[], defaults: { status: OrderStatus }): Promise<UpsertCounts>;
  get(orderId: string): Promise<Order | null>;
  /** A customer's orders, newest date first. */
  listByCustomer(customerId: string, page?: PageRequest): Promise<Page<Order>>;
  /**
   * Every line of the orders that stand (not cancelled/returned), oldest date first, in batches;
   * `before` (ISO) keeps only orders dated strictly before it. Streams without loading everything.
   */
  scanLines(opts?: { before?: string; batchSize?: number }): AsyncIterable<ScannedLine[]>;
  /** Upserts by productId in one transaction. */
  upsertProducts(products: Product[]): Promise<UpsertCounts>;
  getProduct(productId: string): Promise<Product | null>;
  /** Ordered by productId. */
  listProducts(page?: PageRequest): Promise<Page<Product>>;
  count(): Promise<{ orders: number; lines: number; products: number }>;
  /** Removes the customer's orders and their lines (products are catalogue data, not personal). */
  eraseCustomer(customerId: string): Promise<void>;
}

export interface InteractionQuery extends PageRequest {
  customerId?: string;
  conversationId?: string;
  /** Inclusive ISO lower bound / exclusive upper bound on createdAt. */
  from?: string;
  to?: string;
  decisions?: Interaction['decision'][];
}

export interface InteractionLog {
  record(input: NewInteraction): Promise<Interaction>;
  /** Newest first. */
  list(query?: InteractionQuery): Promise<Page<Interaction>>;
  /** Oldest first, for batch analytics; streams without loading everything. */
  scan(query: Omit<InteractionQuery, 'cursor' | 'limit'>, batchSize?: number): AsyncIterable<Interaction[]>;
  count(query?: Omit<InteractionQuery, 'cursor' | 'limit'>): Promise<number>;
  eraseCustomer(customerId: string): Promise<void>;
}

export interface KnowledgeStore {
  /** ERR_FAQ_DUPLICATE when the id exists. */
  create(input: NewFaqEntry): Promise<FaqEntry>;
  get(id: string): Promise<FaqEntry | null>;
  update(id: string, patch: FaqPatch): Promise<FaqEntry>;
  /** ERR_FAQ_NOT_FOUND when missing. */
  delete(id: string): Promise<void>;
  /** Ordered by id. */
  list(page?: PageRequest): Promise<Page<FaqEntry>>;
  all(): Promise<FaqEntry[]>;
  count(): Promise<number>;
  /** Change counter bumped by every write: lets indexes detect they are stale. */
  revision(): Promise<number>;
}

export interface IntentStore {
  listIntents(): Promise<Intent[]>;
  getIntent(name: string): Promise<Intent | null>;
  /** Create or replace by name. */
  putIntent(intent: Intent): Promise<Intent>;
  deleteIntent(name: string): Promise<void>;
  listEntities(): Promise<EntityDefinition[]>;
  putEntity(entity: EntityDefinition): Promise<EntityDefinition>;
  deleteEntity(name: string): Promise<void>;
}

export interface NluModelStore {
  save(model: Omit<NluModelRecord, 'active'>): Promise<void>;
  /** Makes this version the live one (only one is active). */
  activate(version: string): Promise<void>;
  active(): Promise<NluModelRecord | null>;
  get(version: string): Promise<NluModelRecord | null>;
  /** Newest first, without `data`. */
  list(limit?: number): Promise<Omit<NluModelRecord, 'data'>[]>;
}

export interface UserStore {
  create(input: NewStaffUser): Promise<StaffUser>;
  get(id: string): Promise<StaffUser | null>;
  findByEmail(email: string): Promise<StaffUser | null>;
  update(id: string, patch: StaffUserPatch): Promise<StaffUser>;
  delete(id: string): Promise<void>;
  list(page?: PageRequest): Promise<Page<StaffUser>>;
  countByRole(role: StaffUser['role']): Promise<number>;
}

export interface AuditLog {
  record(event: NewAuditEvent): Promise<AuditEvent>;
  list(page?: PageRequest & { actorId?: string; action?: string }): Promise<Page<AuditEvent>>;
}

/** Integration API keys: only the SHA-256 of a key is stored, so a stolen database opens nothing. */
export interface ApiKeyStore {
  create(input: NewApiKey): Promise<ApiKey>;
  /** Newest first, revoked keys included (the console shows them struck through). */
  list(page?: PageRequest): Promise<Page<ApiKey>>;
  get(id: string): Promise<ApiKey | null>;
  /** The key whose hash this is, revoked or not: the caller tells an unknown key from a revoked one. */
  findByHash(hash: string): Promise<ApiKey | null>;
  /** Idempotent: revoking twice keeps the first time. Null for an unknown id. */
  revoke(id: string, at?: string): Promise<ApiKey | null>;
  /** Records the latest use (shown in the console; the audit log has every use). */
  touch(id: string, at: string): Promise<void>;
}

/** Small documents that do not deserve their own collection: analytics snapshots, churn model, settings. */
export interface KeyValueStore {
  get<T = unknown>(namespace: string, key: string): Promise<T | null>;
  put(namespace: string, key: string, value: unknown): Promise<void>;
  delete(namespace: string, key: string): Promise<void>;
  keys(namespace: string): Promise<string[]>;
}

/**
 * CRM insights of the latest completed run. A run writes a new generation that readers do not see
 * until `commit` swaps it in whole: a dashboard or profile never mixes two runs, and a run that dies
 * half-way leaves the previous one in place.
 */
export interface CrmInsightStore {
  /** Opens a new generation (an earlier unfinished one is dropped); returns its id. */
  begin(asOf: string): Promise<string>;
  /** Adds insights to an open generation (validated; a customer written twice keeps the last). */
  put(runId: string, items: CustomerInsights[]): Promise<void>;
  /** Atomically makes the generation current with its summary and removes the previous one. */
  commit(runId: string, summary: CrmRunSummary): Promise<void>;
  get(customerId: string): Promise<CustomerInsights | null>;
  /** Current generation ordered by customerId. */
  list(page?: PageRequest): Promise<Page<CustomerInsights>>;
  summary(): Promise<CrmRunSummary | null>;
  eraseCustomer(customerId: string): Promise<void>;
}

/**
 * Each customer's product recommendations (issue 17): written whole per customer by the analytics run and again
 * when the customer's orders change, so one read serves a request.
 */
export interface RecommendationStore {
  /** Replaces each given customer's lists (validated). */
  put(rows: CustomerRecommendations[]): Promise<void>;
  get(customerId: string): Promise<CustomerRecommendations | null>;
  /** Removes the lists of every other run than `runId` (customers the run no longer knows); returns how many. */
  retainRun(runId: string): Promise<number>;
  eraseCustomer(customerId: string): Promise<void>;
}

/** Everything compose.ts builds from one adapter. */
export interface Stores {
  kind: 'embedded' | 'mongo';
  customers: CustomerStore;
  conversations: ConversationStore;
  interactions: InteractionLog;
  orders: OrderStore;
  knowledge: KnowledgeStore;
  intents: IntentStore;
  nluModels: NluModelStore;
  users: UserStore;
  audit: AuditLog;
  apiKeys: ApiKeyStore;
  kv: KeyValueStore;
  insights: CrmInsightStore;
  recommendations: RecommendationStore;
  /** Liveness probe for /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
