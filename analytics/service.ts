import { systemClock } from '../core/index.js';
import { defaultChurnDefinition } from './churn/labels.js';
import { overviewToCsv } from './export-csv.js';
import { customerInsights } from './insights.js';
import { importChurnLabels } from './imports/churn-labels.js';
import { patchJobState } from './job/namespaces.js';
import { runJob, type JobConfig } from './job/run-job.js';
import { buildOverview, DayCache } from './overview.js';
import type { AnalyticsDeps, AnalyticsService, RunReport } from './types.js';
import { unansweredQuestions } from './unanswered.js';

export function createAnalytics(deps: AnalyticsDeps): AnalyticsService {
  const { stores, logger: log } = deps;
  const clock = deps.clock ?? systemClock;
  const o = deps.options ?? {};
  const cfg: JobConfig = {
    definition: { ...defaultChurnDefinition, ...o.churn },
    minPerClass: o.minPerClass ?? 30,
    riskThreshold: o.riskThreshold ?? 0.5,
    recentDays: o.recentDays ?? 7,
    settleMs: o.settleMs ?? 5000,
    modelEveryMs: o.modelEveryMs ?? 3_600_000,
    batchSize: o.batchSize ?? 2000,
  };
  const cache = new DayCache(stores.kv, log);
  let inFlight: Promise<RunReport> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const run = (opts: { full?: boolean } = {}): Promise<RunReport> => {
    // Single flight: a scheduled tick and an on-demand run share one pass.
    if (inFlight) return inFlight;
    inFlight = runJob(stores, clock.now().getTime(), cfg, opts.full ?? false, log)
      .then(async (report) => {
        // Warm the day cache so the first dashboard load after a run is not the slow one.
        await buildOverview(cache, {}, clock.now().getTime()).catch(() => undefined);
        return report;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    overview: (range = {}) => buildOverview(cache, range, clock.now().getTime()),
    run,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => {
        run().catch((err: unknown) => log?.error({ err }, 'analytics run failed'));
      }, intervalMs);
      // The job must never keep a process alive on its own (tests, CLIs, graceful shutdown).
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    markDirty: () => patchJobState(stores.kv, { dirty: true }),
    ordersChanged: () => patchJobState(stores.kv, { modelStale: true }),
    customerInsights: (customerId) => customerInsights(stores, customerId, clock.now().getTime(), log),
    unanswered: (range = {}) => unansweredQuestions(stores.interactions, range, clock.now().getTime(), deps.embed),
    async importChurnLabels(csvText) {
      const report = await importChurnLabels(csvText, { ...stores, now: () => clock.now() });
      if (report.imported > 0) await patchJobState(stores.kv, { modelStale: true });
      return report;
    },
    toCsv: overviewToCsv,
  };
}
