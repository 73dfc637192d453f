import { ParleyError, type Stores } from '../../core/index.js';

/** Optional insight from analytics/ (churn risk); the profile works without it. */
export type ChurnLookup = (customerId: string) => Promise<unknown>;

/**
 * Profile + timeline: the customer record (PII already decrypted by the store),
 * rolling stats, every conversation newest first, CSAT history, recent understood turns.
 */
export async function customerProfile(stores: Stores, customerId: string, churn?: ChurnLookup) {
  const customer = await stores.customers.get(customerId);
  if (!customer) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id: customerId });
  const [convPage, recent, insights] = await Promise.all([
    stores.conversations.list({ customerId, limit: 100 }),
    stores.interactions.list({ customerId, limit: 50 }),
    stores.insights.get(customerId),
  ]);
  const conversations = convPage.items.map((c) => ({
    id: c.id,
    state: c.state,
    channel: c.channel,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    escalated: c.escalated,
    assignee: c.assignee,
    csat: c.csat,
    lastMessage: c.lastMessage,
    lastIntent: c.lastIntent,
  }));
  const csatHistory = conversations.filter((c) => c.csat).map((c) => ({ conversationId: c.id, ...c.csat! }));
  const s = customer.stats;
  let churnRisk: unknown = null;
  if (churn) churnRisk = await churn(customerId).catch(() => null);
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      externalId: customer.externalId,
      attributes: customer.attributes,
      createdAt: customer.createdAt,
      lastSeenAt: customer.lastSeenAt,
      stats: customer.stats,
      averageSentiment: s.sentimentCount ? s.sentimentSum / s.sentimentCount : null,
      averageCsat: s.csatCount ? s.csatSum / s.csatCount : null,
    },
    conversations,
    csatHistory,
    churnRisk,
    /** CRM insights of the latest run (PROTOCOL v1.1), null until a run has seen this customer. */
    insights,
    timeline: recent.items.map((i) => ({
      at: i.createdAt,
      conversationId: i.conversationId,
      text: i.text,
      intent: i.intent?.name ?? null,
      sentiment: i.sentiment.score,
      decision: i.decision,
    })),
  };
}
