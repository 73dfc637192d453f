import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { businessCustomerId, pageQuerySchema, parseOrThrow, type Customer, type Stores } from '../../core/index.js';
import type { CrmService } from '../../crm/index.js';

export const customerLookupQuery = pageQuerySchema.extend({ externalId: z.string().trim().min(1).max(256).optional() });

const summary = (c: Customer) => ({
  id: c.id,
  externalId: c.externalId,
  /** The business's own customer id when the profile has one (crm/README.md). */
  businessCustomerId: businessCustomerId(c.externalId),
  name: c.name,
  email: c.email,
  lastSeenAt: c.lastSeenAt,
  stats: c.stats,
});

/** GET /api/customers[?externalId=] (agent, admin): every customer newest first, or the ones an external id names. */
export function customerLookupRoutes(deps: { stores: Stores; crm: CrmService; agent: RequestHandler }): Router {
  const r = Router();
  r.get('/api/customers', deps.agent, async (req, res) => {
    const q = parseOrThrow(customerLookupQuery, { externalId: req.query.externalId, cursor: req.query.cursor, limit: req.query.limit });
    if (q.externalId !== undefined) {
      res.json({ items: (await deps.crm.findCustomers(q.externalId)).map(summary), nextCursor: null });
      return;
    }
    const page = await deps.stores.customers.list({ cursor: q.cursor, limit: q.limit ?? 50 });
    res.json({ items: page.items.map(summary), nextCursor: page.nextCursor });
  });
  return r;
}
