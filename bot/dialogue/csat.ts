import { ParleyError } from '../../core/index.js';
import type { Csat } from '../../core/index.js';
import { type DialogueContext, nowIso } from './context.js';

/**
 * One rating per closed conversation. The store enforces NOT_CLOSED / ALREADY_GIVEN
 * atomically; we only check ownership so nobody rates someone else's conversation.
 */
export async function submitCsat(ctx: DialogueContext, customerId: string, input: { conversationId: string; score: number; comment?: string }): Promise<Csat> {
  const conv = await ctx.stores.conversations.get(input.conversationId);
  if (!conv || conv.customerId !== customerId) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { conversationId: input.conversationId });
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
    throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'score', message: 'Score must be an integer from 1 to 5' }] });
  }
  const at = nowIso(ctx);
  const csat: Csat = { score: input.score, at, ...(input.comment ? { comment: input.comment } : {}) };
  const updated = await ctx.stores.conversations.setCsat(conv.id, csat);
  await ctx.stores.customers.recordActivity(customerId, { csat: csat.score, seenAt: at });
  ctx.events.emit('csat', { conversation: updated });
  return updated.csat ?? csat;
}
