import { Schema, type Connection, type Model } from 'mongoose';
import { orderModels, type OrderModels } from './order-models.js';
import type { Conversation, ConversationEvent, Interaction, Message, ProfileStats } from '../../core/index.js';

const opts = { versionKey: false, strictQuery: 'throw', minimize: false } as const;
const mixed = Schema.Types.Mixed;

export interface CustomerDoc {
  _id: string;
  visitorTokenHash: string | null;
  visitorToken: string | null;
  externalId: string | null;
  name: string | null;
  email: string | null;
  attributes: Record<string, string>;
  stats: ProfileStats;
  createdAt: string;
  lastSeenAt: string;
}

export type ConversationDoc = Omit<Conversation, 'id'> & { _id: string; events?: ConversationEvent[]; messageSeq?: number };
/**
 * `customerId` (erase deletes by customer) and `seq` (the per-conversation order, from the
 * conversation's `messageSeq` counter) are absent on documents written before they
 * existed: the start-up migration (migrations.ts) backfills them, readers tolerate them.
 */
export type MessageDoc = Omit<Message, 'id'> & { _id: string; senderKey?: string; clientMessageId?: string; customerId?: string; seq?: number };
/** Marker of a started reassignCustomer, removed when its last step is done (re-run at start). */
export interface ReassignDoc {
  _id: string;
  to: string;
  startedAt: string;
}
export type InteractionDoc = Omit<Interaction, 'id'> & { _id: string; createdMs: number };

const stats = new Schema<ProfileStats>(
  {
    messageCount: Number,
    conversationCount: Number,
    escalations: Number,
    fallbacks: Number,
    sentimentSum: Number,
    sentimentCount: Number,
    csatSum: Number,
    csatCount: Number,
    lastCsat: { type: Number, default: null },
  },
  { _id: false, ...opts },
);

const customer = new Schema<CustomerDoc>(
  {
    _id: String,
    visitorTokenHash: { type: String, default: null },
    visitorToken: { type: String, default: null },
    externalId: { type: String, default: null },
    name: { type: String, default: null },
    email: { type: String, default: null },
    attributes: { type: mixed, default: {} },
    stats: { type: stats, required: true },
    createdAt: String,
    lastSeenAt: String,
  },
  opts,
);
customer.index({ visitorTokenHash: 1 }, { unique: true, partialFilterExpression: { visitorTokenHash: { $type: 'string' } } });
customer.index({ externalId: 1 }, { unique: true, partialFilterExpression: { externalId: { $type: 'string' } } });

// Transition events live inside the conversation document: the compare-and-set and the
// event append are then one atomic single-document update, no multi-document transaction.
const conversation = new Schema<ConversationDoc>(
  {
    _id: String,
    customerId: { type: String, required: true },
    channel: String,
    state: { type: String, enum: ['bot', 'queued', 'agent', 'closed'] },
    assignee: { type: mixed, default: null },
    createdAt: String,
    updatedAt: String,
    closedAt: { type: String, default: null },
    waitingSince: { type: String, default: null },
    firstClaimedAt: { type: String, default: null },
    csat: { type: mixed, default: null },
    lastMessage: { type: mixed, default: null },
    lastIntent: { type: String, default: null },
    lastSentiment: { type: Number, default: null },
    consecutiveFallbacks: Number,
    negativeStreak: Number,
    escalated: Boolean,
    version: Number,
    // Last message sequence number handed out; $inc'd by each append (never touches version).
    messageSeq: { type: Number, default: 0 },
    dialogue: { type: mixed, default: undefined },
    language: String,
    locale: String,
    events: { type: [mixed], default: [] },
  },
  opts,
);
conversation.index({ customerId: 1, _id: -1 }); // findOpen, findLatest, list by customer
conversation.index({ state: 1, _id: -1 }); // list by states (queue, inbox)

const message = new Schema<MessageDoc>(
  {
    _id: String,
    conversationId: { type: String, required: true },
    author: String,
    text: String,
    createdAt: String,
    agentName: String,
    suggestions: { type: mixed, default: undefined },
    inReplyTo: String,
    language: String,
    senderKey: String,
    clientMessageId: String,
    customerId: String,
    seq: Number,
  },
  opts,
);
message.index({ conversationId: 1, seq: 1, _id: 1 }); // listMessages, recentMessages (per-conversation order)
message.index({ customerId: 1 }); // erase and reassign by customer
message.index({ inReplyTo: 1, _id: 1 }, { partialFilterExpression: { inReplyTo: { $type: 'string' } } });
message.index(
  { senderKey: 1, clientMessageId: 1 },
  { unique: true, partialFilterExpression: { clientMessageId: { $type: 'string' } } },
);

const interaction = new Schema<InteractionDoc>(
  {
    _id: String,
    conversationId: String,
    customerId: String,
    messageId: String,
    channel: String,
    text: String,
    intent: { type: mixed, default: null },
    alternatives: { type: mixed, default: [] },
    entities: { type: mixed, default: [] },
    sentiment: mixed,
    outOfScope: Boolean,
    faqHits: { type: mixed, default: [] },
    decision: String,
    latencyMs: Number,
    createdAt: String,
    createdMs: Number,
  },
  opts,
);
interaction.index({ customerId: 1, _id: -1 });
interaction.index({ conversationId: 1, _id: -1 });
interaction.index({ decision: 1, _id: -1 });

const reassign = new Schema<ReassignDoc>({ _id: String, to: String, startedAt: String }, opts);

export interface CrmModels extends OrderModels {
  reassignments: Model<ReassignDoc>;
  customers: Model<CustomerDoc>;
  conversations: Model<ConversationDoc>;
  messages: Model<MessageDoc>;
  interactions: Model<InteractionDoc>;
}

export function crmModels(conn: Connection): CrmModels {
  return {
    customers: conn.model<CustomerDoc>('Customer', customer, 'customers'),
    conversations: conn.model<ConversationDoc>('Conversation', conversation, 'conversations'),
    messages: conn.model<MessageDoc>('Message', message, 'messages'),
    interactions: conn.model<InteractionDoc>('Interaction', interaction, 'interactions'),
    reassignments: conn.model<ReassignDoc>('Reassignment', reassign, 'reassignments'),
    ...orderModels(conn),
  };
}
