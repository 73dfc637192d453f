import type { Clock, CrmRunSummary, CustomerInsights, Stores } from '../core/index.js';
import type { RecommenderService } from './recommendations-service.js';
import { conversationSummaries } from './conversations/conversation-summaries.js';
import { runModelsInWorker } from './run/run-models.js';
import { SummaryAccumulator } from './run/run-summary.js';
import { droppedNotes, toStored } from './run/to-stored.js';

export interface CrmLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface CrmRunProgress {
  phase: 'conversations' | 'orders' | 'models' | 'writing' | 'recommendations' | 'done';
  /** Order lines read so far, and insights written so far. */
  lines: number;
  customers: number;
}

export interface CrmModelService {
  /**
   * Recomputes every CRM model as of `asOf` (default now) from data dated before it, off the event
   * loop, and swaps the results in whole. One run at a time: a call during a run joins it.
   */
  run(opts?: { asOf?: Date; onProgress?: (p: CrmRunProgress) => void }): Promise<CrmRunSummary>;
  insights(customerId: string): Promise<CustomerInsights | null>;
  summary(): Promise<CrmRunSummary | null>;
  /** Resolves when no run is in flight (shutdown waits for it before closing the store). */
  idle(): Promise<void>;
}

export interface CrmModelDeps {
  stores: Pick<Stores, 'orders' | 'conversations' | 'interactions' | 'insights'>;
  clock: Clock;
  logger?: CrmLogger;
  /** Product recommendations, computed in the same run right after the insights (crm/recommendations-service.ts). */
  recommender?: Pick<RecommenderService, 'run'>;
}

export function createCrmModels(deps: CrmModelDeps): CrmModelService {
  const { stores, clock, logger } = deps;
  let inFlight: Promise<CrmRunSummary> | null = null;

  async function runOnce(asOf: Date, onProgress?: (p: CrmRunProgress) => void): Promise<CrmRunSummary> {
    const started = Date.now();
    const progress = { phase: 'conversations' as CrmRunProgress['phase'], lines: 0, customers: 0 };
    const report = (patch: Partial<CrmRunProgress>) => onProgress?.(Object.assign(progress, patch));
    report({});
    const conversations = await conversationSummaries(stores, asOf.getTime());
    const runId = await stores.insights.begin(asOf.toISOString());
    const acc = new SummaryAccumulator();
    const dropped = { churn: 0, clv: 0 };
    report({ phase: 'orders' });
    const run = await runModelsInWorker(
      { asOf, conversations, lines: stores.orders.scanLines({ before: asOf.toISOString() }) },
      {
        linesRead: (lines) => report({ lines }),
        linesDone: () => report({ phase: 'models' }),
        async customers(items) {
          const rows = items.map(({ customerId, insights }) => toStored(customerId, insights, dropped));
          for (const r of rows) acc.add(r);
          await stores.insights.put(runId, rows);
          report({ phase: 'writing', customers: progress.customers + rows.length });
        },
      },
    );
    const summary = acc.finish({ ...run, notes: [...run.notes, ...droppedNotes(dropped)] }, { computedAt: clock.now(), durationMs: Date.now() - started });
    await stores.insights.commit(runId, summary);
    if (deps.recommender) {
      report({ phase: 'recommendations' });
      // Insights stay committed when this fails: the job reports the error and the previous lists stay.
      await deps.recommender.run(asOf);
    }
    report({ phase: 'done' });
    logger?.info({ crmRun: { asOf: summary.asOf, customers: summary.customers, durationMs: summary.durationMs, notes: summary.notes } }, 'CRM run done');
    return summary;
  }

  return {
    run(opts = {}) {
      if (inFlight) return inFlight;
      inFlight = runOnce(opts.asOf ?? clock.now(), opts.onProgress).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    insights: (customerId) => stores.insights.get(customerId),
    summary: () => stores.insights.summary(),
    idle: async () => {
      await inFlight?.catch(() => undefined);
    },
  };
}
