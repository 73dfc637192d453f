import { createReadStream } from 'node:fs';
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { orderUpsertBodySchema, pageQuerySchema, parseOrThrow, type ErrorCode } from '../../core/index.js';
import type { CrmService, ImportReport } from '../../crm/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import { spoolCsvBody } from '../http/spool-body.js';
import type { JobRegistry } from '../jobs/job-registry.js';

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export interface OrderRouteDeps {
  crm: CrmService;
  jobs: JobRegistry;
  audit: Auditor;
  /** Role guards built by the router (Bearer token, or an integration key the API key gate accepted for the route). */
  agent: RequestHandler;
  admin: RequestHandler;
  importMaxBytes?: number;
  spoolDir?: string;
}

export const ordersQuery = pageQuerySchema.extend({ customerId: z.string().min(1).max(200) });

/**
 * Orders and products: CSV imports as jobs (admin), live order upserts (admin or a key with orders:write),
 * a customer's orders (agents). The work is crm's; these routes parse, authorise and call it.
 */
export function orderRoutes(deps: OrderRouteDeps): Router {
  const r = Router();
  const maxBytes = deps.importMaxBytes ?? IMPORT_MAX_BYTES;

  const importRoute = (kind: ImportReport['kind'], run: CrmService['importOrders']): RequestHandler => async (req, res) => {
    const actor = staffOf(res);
    const body = await spoolCsvBody(req, res, maxBytes, deps.spoolDir);
    let job;
    try {
      job = deps.jobs.start(
        `crm.import.${kind}`,
        async (progress) => {
          try {
            const report = await run(createReadStream(body.path), { sizeBytes: body.bytes, onProgress: progress });
            await deps.audit(actor, `${kind}.import.finished`, undefined, { imported: report.imported, duplicates: report.duplicates, errors: report.errorCount });
            return report;
          } finally {
            await body.remove();
          }
        },
        'ERR_IMPORT_RUNNING' satisfies ErrorCode,
      );
    } catch (err) {
      await body.remove();
      throw err;
    }
    await deps.audit(actor, `${kind}.import`, job.id, { bytes: body.bytes });
    res.status(202).json({ jobId: job.id });
  };

  r.post('/api/orders/import', deps.admin, importRoute('orders', deps.crm.importOrders));
  r.post('/api/products/import', deps.admin, importRoute('products', deps.crm.importProducts));

  r.get('/api/imports/last', deps.admin, async (_req, res) => {
    res.json(await deps.crm.lastImports());
  });

  r.put('/api/orders/:orderId', deps.admin, async (req, res) => {
    const body = parseOrThrow(orderUpsertBodySchema, req.body);
    const result = await deps.crm.upsertOrder(String(req.params.orderId), body);
    if (result.outcome !== 'unchanged') await deps.audit(staffOf(res), 'order.upsert', result.order.orderId, { outcome: result.outcome });
    res.status(result.outcome === 'inserted' ? 201 : 200).json({ ...result.order, outcome: result.outcome });
  });

  r.get('/api/orders', deps.agent, async (req, res) => {
    const q = parseOrThrow(ordersQuery, { customerId: req.query.customerId, cursor: req.query.cursor, limit: req.query.limit });
    res.json(await deps.crm.listOrders(q.customerId, { cursor: q.cursor, limit: q.limit }));
  });
  return r;
}

