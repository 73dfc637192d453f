import type { Conversation, ConversationSummary, Customer, CustomerStore } from '../../core/index.js';

/** PROTOCOL.md ConversationSummary (lenient out: extra fields are fine for clients). */
export function toSummary(conv: Conversation, customer: Customer | null): ConversationSummary & { channel: string; createdAt: string } {
  return {
    id: conv.id,
    state: conv.state,
    assignee: conv.assignee,
    customer: {
      id: conv.customerId,
      ...(customer?.name ? { name: customer.name } : {}),
      ...(customer?.email ? { email: customer.email } : {}),
    },
    lastMessage: conv.lastMessage,
    ...(conv.lastIntent ? { intent: conv.lastIntent } : {}),
    ...(conv.lastSentiment !== null ? { sentiment: conv.lastSentiment } : {}),
    ...(conv.waitingSince ? { waitingSince: conv.waitingSince } : {}),
    channel: conv.channel,
    createdAt: conv.createdAt,
  };
}

/** Summaries for a batch, reading each distinct customer once. */
export async function summarise(convs: Conversation[], customers: CustomerStore) {
  const ids = [...new Set(convs.map((c) => c.customerId))];
  const found = new Map(await Promise.all(ids.map(async (id) => [id, await customers.get(id)] as const)));
  return convs.map((c) => toSummary(c, found.get(c.customerId) ?? null));
}
