import { Router } from 'express';
import { z } from 'zod';
import { ParleyError, conversationStateSchema, parseOrThrow, type Stores } from '../../core/index.js';
import { drain } from '../http/drain.js';
import { pageOf, queryString } from '../http/paging.js';
import { summarise } from '../http/summaries.js';
import type { AdminKnowledge } from '../services.js';
import { customerProfile } from './customer-profile.js';

export const statesSchema = z.array(conversationStateSchema).max(4);

/** /api/conversations (agent and admin). */
export function conversationRoutes(deps: { stores: Stores; knowledge: Pick<AdminKnowledge, 'search'> }): Router {
  const { conversations, customers, interactions } = deps.stores;
  const r = Router();

  r.get('/api/conversations', async (req, res) => {
    const raw = queryString(req, 'state');
    const states = raw ? parseOrThrow(statesSchema, raw.split(',')) : undefined;
    const page = await conversations.list({ ...pageOf(req), states, customerId: queryString(req, 'customerId') });
    res.json({ items: await summarise(page.items, customers), nextCursor: page.nextCursor });
  });

  r.get('/api/conversations/:id', async (req, res) => {
    const conv = await conversations.get(req.params.id);
    if (!conv) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id: req.params.id });
    const [messages, logged, events, [summary]] = await Promise.all([
      drain((p) => conversations.listMessages(conv.id, p)),
      drain((p) => interactions.list({ ...p, conversationId: conv.id })),
      conversations.listEvents(conv.id),
      summarise([conv], customers),
    ]);
    const byMessage = new Map(logged.map((i) => [i.messageId, i]));
    res.json({
      ...summary,
      conversation: conv,
      events,
      messages: messages.map((m) => {
        const a = byMessage.get(m.id);
        return a
          ? {
              ...m,
              analysis: {
                intent: a.intent,
                alternatives: a.alternatives,
                entities: a.entities,
                sentiment: a.sentiment,
                outOfScope: a.outOfScope,
                faqHits: a.faqHits,
                decision: a.decision,
                latencyMs: a.latencyMs,
              },
            }
          : m;
      }),
    });
  });

  // Addition: the agent inbox side panel (GET /api/customers/:id is admin-only by PROTOCOL.md).
  r.get('/api/conversations/:id/customer', async (req, res) => {
    const conv = await conversations.get(req.params.id);
    if (!conv) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id: req.params.id });
    res.json(await customerProfile(deps.stores, conv.customerId));
  });

  // Addition: FAQ answers for the customer's last message, for the agent inbox (agents cannot reach /api/faqs).
  r.get('/api/conversations/:id/suggestions', async (req, res) => {
    const conv = await conversations.get(req.params.id);
    if (!conv) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id: req.params.id });
    const recent = await conversations.recentMessages(conv.id, 20);
    const last = [...recent].reverse().find((m) => m.author === 'customer');
    if (!last) return void res.json({ items: [], nextCursor: null, forText: null });
    const result = await deps.knowledge.search(last.text);
    res.json({ items: result.hits.slice(0, 3), nextCursor: null, forText: last.text });
  });
  return r;
}
