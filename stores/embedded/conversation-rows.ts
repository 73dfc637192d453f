import { readDialogueState, type Conversation, type ConversationEvent, type FieldCipher, type Language } from '../../core/index.js';
import { fromJson, toJson } from './open-database.js';
import { withDialogue } from '../shared/conversation-fields.js';
import { seal, unseal } from '../shared/customer-fields.js';

export interface ConversationRow {
  id: string;
  customer_id: string;
  channel: Conversation['channel'];
  state: Conversation['state'];
  assignee: string | null;
  csat: string | null;
  last_message: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  waiting_since: string | null;
  first_claimed_at: string | null;
  last_intent: string | null;
  last_sentiment: number | null;
  consecutive_fallbacks: number;
  negative_streak: number;
  escalated: number;
  version: number;
  dialogue: string | null;
  language: string | null;
  locale: string | null;
}

export interface EventRow {
  id: string;
  conversation_id: string;
  event: ConversationEvent['event'];
  from_state: ConversationEvent['from'];
  to_state: ConversationEvent['to'];
  actor: string;
  reason: string | null;
  at: string;
}

export const CONVERSATION_COLUMNS = `id, customer_id, channel, state, assignee, csat, last_message, created_at, updated_at,
  closed_at, waiting_since, first_claimed_at, last_intent, last_sentiment, consecutive_fallbacks, negative_streak,
  escalated, version, dialogue, language, locale`;
export const CONVERSATION_VALUES = `@id, @customer_id, @channel, @state, @assignee, @csat, @last_message, @created_at,
  @updated_at, @closed_at, @waiting_since, @first_claimed_at, @last_intent, @last_sentiment, @consecutive_fallbacks,
  @negative_streak, @escalated, @version, @dialogue, @language, @locale`;

/** The last message's text and the dialogue state (slot values the customer typed) are sealed at rest. */
export function toConversation(r: ConversationRow, cipher: FieldCipher): Conversation {
  const dialogue = unseal(cipher, r.dialogue);
  return {
    id: r.id,
    customerId: r.customer_id,
    channel: r.channel,
    state: r.state,
    assignee: fromJson<Conversation['assignee']>(r.assignee),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
    waitingSince: r.waiting_since,
    firstClaimedAt: r.first_claimed_at,
    csat: fromJson<Conversation['csat']>(r.csat),
    lastMessage: fromJson<Conversation['lastMessage']>(unseal(cipher, r.last_message)),
    lastIntent: r.last_intent,
    lastSentiment: r.last_sentiment,
    consecutiveFallbacks: r.consecutive_fallbacks,
    negativeStreak: r.negative_streak,
    escalated: r.escalated === 1,
    version: r.version,
    ...withDialogue(dialogue === null ? null : readDialogueState(JSON.parse(dialogue))),
    ...(r.language === null ? {} : { language: r.language as Language }),
    ...(r.locale === null ? {} : { locale: r.locale }),
  };
}

export function toConversationRow(c: Conversation, cipher: FieldCipher): ConversationRow {
  return {
    id: c.id,
    customer_id: c.customerId,
    channel: c.channel,
    state: c.state,
    assignee: toJson(c.assignee),
    csat: toJson(c.csat),
    last_message: seal(cipher, toJson(c.lastMessage)),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    closed_at: c.closedAt,
    waiting_since: c.waitingSince,
    first_claimed_at: c.firstClaimedAt,
    last_intent: c.lastIntent,
    last_sentiment: c.lastSentiment,
    consecutive_fallbacks: c.consecutiveFallbacks,
    negative_streak: c.negativeStreak,
    escalated: c.escalated ? 1 : 0,
    version: c.version,
    dialogue: seal(cipher, toJson(c.dialogue)),
    language: c.language ?? null,
    locale: c.locale ?? null,
  };
}

export function toEvent(r: EventRow): ConversationEvent {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    event: r.event,
    from: r.from_state,
    to: r.to_state,
    actor: JSON.parse(r.actor) as ConversationEvent['actor'],
    ...(r.reason === null ? {} : { reason: r.reason }),
    at: r.at,
  };
}
