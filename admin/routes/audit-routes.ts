import { Router } from 'express';
import type { AuditLog } from '../../core/index.js';
import { pageOf, queryString } from '../http/paging.js';

/** GET /api/audit?actorId=&action=&cursor=&limit= (admin). */
export function auditRoutes(deps: { audit: AuditLog }): Router {
  const r = Router();
  r.get('/api/audit', async (req, res) => {
    const page = await deps.audit.list({ ...pageOf(req), actorId: queryString(req, 'actorId'), action: queryString(req, 'action') });
    res.json(page);
  });
  return r;
}
