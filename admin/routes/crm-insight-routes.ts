import { Router } from 'express';
import { z } from 'zod';
import { parseOrThrow, type Stores } from '../../core/index.js';
import { customersCsv } from '../../analytics/index.js';
import type { CrmModelService, CrmRunProgress } from '../../crm/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import type { JobRegistry } from '../jobs/job-registry.js';

export interface CrmInsightRouteDeps {
  stores: Pick<Stores, 'insights' | 'customers'>;
  crm: Pick<CrmModelService, 'run' | 'summary'>;
  /** The conversation rollups, refreshed first so a run reports on the same data. */
  refreshRollups?: () => Promise<unknown>;
  jobs: JobRegistry;
  audit: Auditor;
}

export const runBodySchema = z.strictObject({
  asOf: z
    .string()
    .max(40)
    .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'Not an ISO 8601 date')
    .optional(),
});

/** Phases weighted by their usual share of a run's time, for one progress figure. */
const phaseStart: Record<CrmRunProgress['phase'], number> = { conversations: 0.02, orders: 0.1, models: 0.5, writing: 0.65, recommendations: 0.75, done: 1 };

/** POST /api/analytics/run (202 + job), GET /api/analytics/crm (run summary), GET /api/analytics/customers.csv (admin). */
export function crmInsightRoutes(deps: CrmInsightRouteDeps): Router {
  const r = Router();

  r.post('/api/analytics/run', async (req, res) => {
    const body = parseOrThrow(runBodySchema, req.body ?? {});
    const asOf = body.asOf ? new Date(body.asOf) : undefined;
    const actor = staffOf(res);
    const job = deps.jobs.start('analytics.run', async (progress) => {
      await deps.refreshRollups?.();
      const summary = await deps.crm.run({ asOf, onProgress: (p) => progress(phaseStart[p.phase]) });
      await deps.audit(actor, 'analytics.run', undefined, { asOf: summary.asOf, customers: summary.customers });
      return { asOf: summary.asOf, customers: summary.customers, durationMs: summary.durationMs, notes: summary.notes };
    });
    res.status(202).json({ jobId: job.id });
  });

  r.get('/api/analytics/crm', async (_req, res) => {
    res.json({ summary: await deps.crm.summary() });
  });

  r.get('/api/analytics/customers.csv', async (_req, res) => {
    res.type('text/csv').attachment('parley-customers.csv');
    for await (const chunk of customersCsv(deps.stores)) {
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
    }
    res.end();
  });

  return r;
}
