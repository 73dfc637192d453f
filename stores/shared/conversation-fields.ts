import type { Conversation, NewConversation } from '../../core/index.js';

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
