import type { CustomerStore, KeyValueStore, OrderStore } from '../../core/index.js';
import { orderAggregates } from '../../crm/index.js';
import { trainChurn, scoreChurn, type TrainResult } from '../churn/churn-model.js';
import type { ChurnDefinition } from '../churn/labels.js';
import { lastActivity, toSec, type CustomerState } from '../customers/customer-state.js';
import type { ShardCache } from '../customers/shards.js';
import { loadChurnLabels, pruneChurnLabels } from '../imports/churn-labels.js';
import { buildSegments, type SegmentResult } from '../segments/segment-model.js';
import type { ChurnSummary, SegmentsSummary } from '../types.js';
import { NS, tick } from './namespaces.js';

export interface ModelOptions {
  definition: ChurnDefinition;
  minPerClass: number;
  riskThreshold: number;
  topAtRisk: number;
}

export interface ModelPassResult {
  customers: number;
  churn: ChurnSummary;
  segments: SegmentsSummary;
}

/**
 * Trains the churn model, scores current customers and rebuilds segments from every
 * customer state, with each customer's purchases aggregated from the OrderStore. On a full run,
 * imported churn labels of erased customers are dropped (erasing a customer removes their orders).
 */
export async function modelPass(
  deps: { kv: KeyValueStore; customers: CustomerStore; orders: OrderStore; shards: ShardCache },
  nowMs: number,
  full: boolean,
  o: ModelOptions,
): Promise<ModelPassResult> {
  if (full) {
    const exists = async (id: string) => (await deps.customers.get(id)) !== null;
    await pruneChurnLabels(deps.kv, exists, new Date(nowMs));
  }
  const all: [string, CustomerState][] = [];
  for await (const entry of deps.shards.all()) all.push(entry);
  const nowSec = toSec(nowMs);
  const imported = await loadChurnLabels(deps.kv);
  const trained: TrainResult = await trainChurn(all, { definition: o.definition, imported, nowSec, minPerClass: o.minPerClass });
  await tick();

  let churn: ChurnSummary;
  if (trained.ready) {
    const m = trained.model;
    let atRisk = 0;
    let scored = 0;
    const top: { customerId: string; probability: number; factors: { label: string; weight: number }[] }[] = [];
    for (let i = 0; i < all.length; i++) {
      const [id, state] = all[i]!;
      // Only customers still active by the churn definition can be "at risk"; the others are gone.
      const last = lastActivity(state, nowSec);
      if (last === null || nowSec - last > o.definition.inactiveDays * 86_400) continue;
      const s = scoreChurn(m, state, nowSec);
      scored++;
      if (s.probability >= o.riskThreshold) atRisk++;
      top.push({ customerId: id, probability: s.probability, factors: s.factors });
      if (top.length > o.topAtRisk * 4) top.sort((a, b) => b.probability - a.probability).splice(o.topAtRisk);
      if (i % 5000 === 4999) await tick();
    }
    top.sort((a, b) => b.probability - a.probability).splice(o.topAtRisk);
    churn = {
      ready: true,
      auc: m.auc,
      atRisk,
      scored,
      threshold: o.riskThreshold,
      labelSource: m.labelSource,
      positives: m.positives,
      negatives: m.negatives,
      trainedAt: m.trainedAt,
      top,
    };
    await deps.kv.put(NS.models, 'churn', m);
  } else {
    churn = { ready: false, reason: trained.reason };
    await deps.kv.delete(NS.models, 'churn');
  }

  const orders = await orderAggregates(deps.orders, new Date(nowMs).toISOString());
  const segmentResult: SegmentResult = await buildSegments(
    all.map(([id, state]) => ({ state, orders: orders.get(id) ?? null })),
    nowSec,
  );
  let segments: SegmentsSummary;
  if (segmentResult.ready) {
    const s = segmentResult.model;
    await deps.kv.put(NS.models, 'segments', s);
    segments = {
      ready: true,
      k: s.k,
      silhouette: s.silhouette,
      customers: s.customers,
      hasMonetary: s.hasMonetary,
      segments: s.segments.map(({ id, label, summary, size, share }) => ({ id, label, summary, size, share })),
      builtAt: s.builtAt,
    };
  } else {
    await deps.kv.delete(NS.models, 'segments');
    segments = { ready: false, reason: segmentResult.reason };
  }
  await deps.kv.put(NS.models, 'summary', { churn, segments });
  return { customers: all.length, churn, segments };
}
