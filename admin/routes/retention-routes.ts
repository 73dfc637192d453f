import { Router } from 'express';
import type { Stores } from '../../core/index.js';
import { retentionReport } from '../../bot/index.js';

/** `GET /api/analytics/retention` (admin): retention offers made and customers who stayed (definition in the README). */
export function retentionRoutes(deps: { stores: Stores; now?: () => Date }): Router {
  const r = Router();
  r.get('/api/analytics/retention', async (_req, res) => {
    res.json(await retentionReport(deps.stores, deps.now?.() ?? new Date()));
  });
  return r;
}
