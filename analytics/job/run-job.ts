import type { Stores } from '../../core/index.js';
import type { ChurnDefinition } from '../churn/labels.js';
import { ShardCache } from '../customers/shards.js';
import { dayStartMs, DAY_MS } from '../time.js';
import type { AnalyticsLogger, RunReport } from '../types.js';
import { conversationPass } from './conversation-pass.js';
import { interactionPass } from './interaction-pass.js';
import { modelPass } from './model-pass.js';
import { clearNamespace, initialJobState, loadJobState, NS, saveJobState } from './namespaces.js';

export interface JobConfig {
  definition: ChurnDefinition;
  minPerClass: number;
  riskThreshold: number;
  recentDays: number;
  settleMs: number;
  modelEveryMs: number;
  batchSize: number;
}

/**
 * One analytics run: interactions since the watermark, the recent-conversation window,
 * then (when due) churn model + segments. A full run (asked for, after markDirty(), or after
 * a run that died half-way) clears every derived document first, so erased customers vanish.
 */
export async function runJob(stores: Stores, nowMs: number, cfg: JobConfig, full: boolean, log?: AnalyticsLogger): Promise<RunReport> {
  const started = Date.now();
  const kv = stores.kv;
  const prev = (await loadJobState(kv, log)) ?? initialJobState();
  const isFull = full || prev.dirty || prev.running || prev.watermarkMs === null;
  const shards = new ShardCache(kv, undefined, log);
  if (isFull) {
    for (const ns of [NS.turns, NS.settled, NS.recent]) await clearNamespace(kv, ns);
    await shards.clear();
  }
  const base = isFull ? { ...initialJobState(), version: prev.version, lastModelAt: prev.lastModelAt } : prev;
  await saveJobState(kv, { ...base, running: true, dirty: false });

  const t1 = Date.now();
  const turns = await interactionPass(
    { interactions: stores.interactions, kv, shards, log },
    base,
    nowMs + 1 - cfg.settleMs,
    cfg.batchSize,
  );
  const t2 = Date.now();
  const newCutoff = dayStartMs(nowMs) - cfg.recentDays * DAY_MS;
  const convs = await conversationPass({ conversations: stores.conversations, kv, shards, log }, base.cutoffMs, newCutoff, isFull);
  const shardsWritten = await shards.flush();
  const t3 = Date.now();

  const modelDue =
    isFull || prev.modelStale || !prev.lastModelAt || nowMs - Date.parse(prev.lastModelAt) >= cfg.modelEveryMs;
  const models = modelDue
    ? await modelPass({ kv, customers: stores.customers, orders: stores.orders, shards }, nowMs, isFull, {
        definition: cfg.definition,
        minPerClass: cfg.minPerClass,
        riskThreshold: cfg.riskThreshold,
        topAtRisk: 20,
      })
    : null;
  const t4 = Date.now();

  // markDirty() may have been called while we ran: keep its flag for the next run.
  const latest = (await loadJobState(kv)) ?? base;
  const nowIso = new Date(nowMs).toISOString();
  await saveJobState(kv, {
    watermarkMs: turns.watermarkMs,
    watermarkIds: turns.watermarkIds,
    cutoffMs: newCutoff,
    dirty: latest.dirty,
    running: false,
    modelStale: models ? false : latest.modelStale,
    lastRunAt: nowIso,
    lastFullAt: isFull ? nowIso : prev.lastFullAt,
    lastModelAt: models ? nowIso : prev.lastModelAt,
    version: prev.version + 1,
  });
  const report: RunReport = {
    full: isFull,
    interactions: turns.processed,
    conversations: convs.scanned,
    daysTouched: turns.days,
    shardsWritten,
    models: models
      ? {
          customers: models.customers,
          churnReady: models.churn.ready,
          auc: models.churn.ready ? models.churn.auc : null,
          segments: models.segments.ready ? models.segments.k : null,
        }
      : null,
    watermark: turns.watermarkMs === null ? null : new Date(turns.watermarkMs).toISOString(),
    durationMs: Date.now() - started,
    phasesMs: { interactions: t2 - t1, conversations: t3 - t2, models: t4 - t3 },
  };
  log?.info({ analyticsRun: report }, 'analytics run done');
  return report;
}
