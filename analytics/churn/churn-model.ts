import { shardOf } from '../customers/shards.js';
import type { CustomerState } from '../customers/customer-state.js';
import { FEATURES, describeFeature, featuresAt, type FeatureName } from './features.js';
import { labelByDefinition, labelByImport, type ChurnDefinition } from './labels.js';
import { auc, contributions, fitLogistic, predict, type LogisticModel } from '../../crm/index.js';

export interface StoredChurnModel extends LogisticModel {
  version: 1;
  features: readonly FeatureName[];
  auc: number | null;
  trainSize: number;
  testSize: number;
  positives: number;
  negatives: number;
  labelSource: 'definition' | 'imported';
  definition: ChurnDefinition;
  trainedAt: string;
}

export type TrainResult = { ready: true; model: StoredChurnModel } | { ready: false; reason: string };

export interface TrainOptions {
  definition: ChurnDefinition;
  /** Imported churned ids; when non-empty they replace the definition. */
  imported: ReadonlySet<string>;
  nowSec: number;
  minPerClass: number;
  lambda?: number;
  /** Cap on training rows (deterministic sample) so training stays well under a second. */
  maxRows?: number;
}

/** Deterministic 80/20 split on the pseudonymous id (stable across runs). */
export const isHeldOut = (id: string): boolean => shardOf(`holdout:${id}`, 5) === 0;

export async function trainChurn(customers: Iterable<[string, CustomerState]>, o: TrainOptions): Promise<TrainResult> {
  const useImport = o.imported.size > 0;
  const train: { x: number[]; y: number }[] = [];
  const test: { x: number[]; y: number }[] = [];
  let pos = 0;
  let neg = 0;
  let seen = 0;
  for (const [id, state] of customers) {
    // Feature extraction over 100k customers: let chats in every few thousand.
    if (++seen % 5000 === 0) await new Promise<void>((r) => setImmediate(r));
    const label = useImport ? labelByImport(id, o.imported, o.nowSec) : labelByDefinition(state, o.nowSec, o.definition);
    if (!label) continue;
    const row = { x: featuresAt(state, label.asOf).values, y: label.y };
    if (label.y === 1) pos++;
    else neg++;
    (isHeldOut(id) ? test : train).push(row);
  }
  if (pos < o.minPerClass || neg < o.minPerClass) {
    return {
      ready: false,
      reason: `Not enough labelled customers yet: ${pos} churned and ${neg} retained (need ${o.minPerClass} of each)`,
    };
  }
  const maxRows = o.maxRows ?? 50_000;
  const step = Math.max(1, Math.ceil(train.length / maxRows));
  const sample = train.filter((_, i) => i % step === 0);
  const fitted = fitLogistic(sample.map((r) => r.x), sample.map((r) => r.y), { lambda: o.lambda ?? 1 });
  const testAuc = auc(test.map((r) => predict(fitted, r.x)), test.map((r) => r.y));
  return {
    ready: true,
    model: {
      ...fitted,
      version: 1,
      features: FEATURES,
      auc: testAuc,
      trainSize: sample.length,
      testSize: test.length,
      positives: pos,
      negatives: neg,
      labelSource: useImport ? 'imported' : 'definition',
      definition: o.definition,
      trainedAt: new Date(o.nowSec * 1000).toISOString(),
    },
  };
}

export interface ChurnScore {
  probability: number;
  factors: { label: string; weight: number }[];
}

/** Probability now and the features that pushed it most, in plain words (weight = log-odds contribution). */
export function scoreChurn(model: StoredChurnModel, state: CustomerState, nowSec: number, top = 3): ChurnScore {
  const row = featuresAt(state, nowSec);
  const contrib = contributions(model, row.values);
  const factors = contrib
    .map((w, j) => ({ label: describeFeature(FEATURES[j]!, row), weight: Math.round(w * 1000) / 1000 }))
    .filter((f) => Math.abs(f.weight) >= 0.05)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, top);
  return { probability: predict(model, row.values), factors };
}
