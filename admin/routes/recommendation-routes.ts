import { Router, type RequestHandler } from 'express';
import { ParleyError, parseOrThrow, recommendationsQuerySchema, type CustomerStore, type Recommendations } from '../../core/index.js';

/**
 * GET /api/customers/:id/recommendations?limit=10[&new=true] (agent, admin): the customer's product
 * recommendations, best first (PROTOCOL v1.1). Mounted before the admin-only /api/customers gate.
 */
export function recommendationRoutes(deps: { customers: CustomerStore; recommendations: Recommendations; agent: RequestHandler }): Router {
  const r = Router();
  r.get('/api/customers/:id/recommendations', deps.agent, async (req, res) => {
    const id = String(req.params.id);
    const q = parseOrThrow(recommendationsQuerySchema, req.query);
    if (!(await deps.customers.get(id))) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id });
    res.json({ items: await deps.recommendations.forCustomer(id, { limit: q.limit, onlyNew: q.new }) });
  });
  return r;
}
