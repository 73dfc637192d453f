import type { Conversation, ConversationEvent, NewConversation, TransitionInput } from '../../core/index.js';

export function buildConversation(id: string, input: NewConversation, at: string): Conversation {
  return {
    id,
    customerId: input.customerId,
    channel: input.channel,
    state: 'bot',
    assignee: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    waitingSince: null,
    firstClaimedAt: null,
    csat: null,
    lastMessage: null,
    lastIntent: null,
    lastSentiment: null,
    consecutiveFallbacks: 0,
    negativeStreak: 0,
    escalated: false,
    version: 0,
  };
}

/** The log entry of one applied transition (same shape in every adapter). */
export function buildEvent(id: string, from: Conversation, to: Conversation, input: TransitionInput): ConversationEvent {
  return {
    id,
    conversationId: from.id,
    event: input.event,
    from: from.state,
    to: to.state,
    actor: input.actor,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    at: input.at,
  };
}

/** No dialogue state is no key, in every adapter (what create returns equals what get reads). */
export function withDialogue(d: Conversation['dialogue']): Pick<Conversation, 'dialogue'> {
  return d ? { dialogue: d } : {};
}
