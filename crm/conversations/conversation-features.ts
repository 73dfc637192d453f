import type { Conversation, ConversationStore, InteractionLog } from '../../core/index.js';

/** What a customer's conversations say before a date: the churn model's service signals. */
export interface ConversationFeatures {
  conversations: number;
  messages: number;
  /** Share of the customer's messages scored negative. */
  negativeShare: number;
  escalations: number;
  /** Turns the bot could not answer (fallbacks). */
  unanswered: number;
  csatAverage: number | null;
  lastContactMs: number;
}

interface Tally {
  conversations: number;
  messages: number;
  negative: number;
  escalations: number;
  unanswered: number;
  csatSum: number;
  csatCount: number;
  lastContactMs: number;
}

/** Imported and replayed conversations carry older event times than their row: the earliest one is when it began. */
function startedMs(c: Conversation): number {
  let ms = Date.parse(c.createdAt);
  for (const at of [c.waitingSince, c.firstClaimedAt, c.closedAt]) if (at && Date.parse(at) < ms) ms = Date.parse(at);
  return ms;
}

const empty = (): Tally => ({ conversations: 0, messages: 0, negative: 0, escalations: 0, unanswered: 0, csatSum: 0, csatCount: 0, lastContactMs: 0 });

/**
 * Folds every interaction and conversation dated before `asOfMs` into per-customer features.
 * Only what was known at `asOf` counts (a CSAT given later is not), so models trained at a past
 * cut date see exactly what they would have seen then.
 */
export async function conversationFeatures(
  stores: { conversations: ConversationStore; interactions: InteractionLog },
  asOfMs: number,
): Promise<Map<string, ConversationFeatures>> {
  const tallies = new Map<string, Tally>();
  const of = (id: string): Tally => {
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = empty()));
    return t;
  };
  const to = new Date(asOfMs).toISOString();
  for await (const batch of stores.interactions.scan({ to })) {
    for (const i of batch) {
      const t = of(i.customerId);
      t.messages++;
      if (i.sentiment.label === 'negative') t.negative++;
      if (i.decision === 'fallback') t.unanswered++;
      t.lastContactMs = Math.max(t.lastContactMs, Date.parse(i.createdAt));
    }
  }
  let cursor: string | null = null;
  do {
    const page = await stores.conversations.list({ limit: 200, cursor });
    for (const c of page.items) {
      const created = startedMs(c);
      if (created >= asOfMs) continue;
      const t = of(c.customerId);
      t.conversations++;
      if (c.escalated) t.escalations++;
      if (c.csat && Date.parse(c.csat.at) < asOfMs) (t.csatSum += c.csat.score), t.csatCount++;
      t.lastContactMs = Math.max(t.lastContactMs, created);
    }
    cursor = page.nextCursor;
  } while (cursor);
  const out = new Map<string, ConversationFeatures>();
  for (const [id, t] of tallies) {
    out.set(id, {
      conversations: t.conversations,
      messages: t.messages,
      negativeShare: t.messages ? t.negative / t.messages : 0,
      escalations: t.escalations,
      unanswered: t.unanswered,
      csatAverage: t.csatCount ? t.csatSum / t.csatCount : null,
      lastContactMs: t.lastContactMs,
    });
  }
  return out;
}
