import type { Conversation, ConversationStore, InteractionLog } from '../../core/index.js';

/** One conversation as the CRM models read it (the shape of crm/models' ConversationSummary). */
export interface ConversationFacts {
  customerId: string;
  /** When it began (ISO). */
  at: string;
  /** The CSAT score if it was given before asOf, else null. */
  csat: number | null;
  /** Share of the customer's messages in it scored negative. */
  negativeShare: number;
  escalated: boolean;
  /** Customer turns the bot could not answer (fallbacks). */
  unanswered: number;
}

/** Imported and replayed conversations carry older event times than their row: the earliest event is when it began. */
function startedMs(c: Conversation): number {
  let ms = Date.parse(c.createdAt);
  for (const at of [c.waitingSince, c.firstClaimedAt, c.closedAt]) if (at && Date.parse(at) < ms) ms = Date.parse(at);
  return ms;
}

/**
 * Every conversation that began before `asOfMs`, with what was known of it then: turns and
 * CSAT dated after asOf are left out, so a model trained at a past date sees what it would have seen.
 */
export async function conversationSummaries(
  stores: { conversations: ConversationStore; interactions: InteractionLog },
  asOfMs: number,
): Promise<ConversationFacts[]> {
  const turns = new Map<string, { messages: number; negative: number; unanswered: number; firstMs: number }>();
  for await (const batch of stores.interactions.scan({ to: new Date(asOfMs).toISOString() })) {
    for (const i of batch) {
      let t = turns.get(i.conversationId);
      if (!t) turns.set(i.conversationId, (t = { messages: 0, negative: 0, unanswered: 0, firstMs: Infinity }));
      t.messages++;
      t.firstMs = Math.min(t.firstMs, Date.parse(i.createdAt));
      if (i.sentiment.label === 'negative') t.negative++;
      if (i.decision === 'fallback') t.unanswered++;
    }
  }
  const out: ConversationFacts[] = [];
  let cursor: string | null = null;
  do {
    const page = await stores.conversations.list({ limit: 200, cursor });
    for (const c of page.items) {
      const t = turns.get(c.id);
      const started = Math.min(startedMs(c), t?.firstMs ?? Infinity);
      if (started >= asOfMs) continue;
      out.push({
        customerId: c.customerId,
        at: new Date(started).toISOString(),
        csat: c.csat && Date.parse(c.csat.at) < asOfMs ? c.csat.score : null,
        negativeShare: t?.messages ? t.negative / t.messages : 0,
        escalated: c.escalated && (c.waitingSince === null || Date.parse(c.waitingSince) < asOfMs),
        unanswered: t?.unanswered ?? 0,
      });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
