import { describeFeature, featureValue, type FeatureContext, type FeatureName } from './churn-features.js';
import { auc, contributions, fitLogistic, predict, type LogisticModel } from './logistic.js';

/** Minimum churned and retained customers at the cut date before a churn model is trained. */
export const MIN_PER_CLASS = 30;

export interface ChurnModel extends LogisticModel {
  features: FeatureName[];
  /** ROC AUC on the held-out fifth of customers (trained on the other four fifths). */
  heldOutAuc: number | null;
  trainSize: number;
  testSize: number;
  positives: number;
  negatives: number;
}

export interface ChurnRow {
  id: string;
  ctx: FeatureContext;
  /** 1 = no activity in the horizon after the cut. */
  y: 0 | 1;
}

/** FNV-1a of the id: a stable 80/20 split, the same on every run. */
export function isHeldOut(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 5 === 0;
}

export function trainChurn(rows: ChurnRow[], features: FeatureName[], cutDay: number, lambda = 1): { model: ChurnModel } | { reason: string } {
  const pos = rows.filter((r) => r.y === 1).length;
  const neg = rows.length - pos;
  if (pos < MIN_PER_CLASS || neg < MIN_PER_CLASS) {
    return { reason: `Not enough history to learn churn: ${pos} churned and ${neg} retained customers at the cut date (need ${MIN_PER_CLASS} of each)` };
  }
  const xs = rows.map((r) => features.map((f) => featureValue(f, r.ctx, cutDay)));
  const ys = rows.map((r) => r.y);
  const trainIdx: number[] = [];
  const testIdx: number[] = [];
  rows.forEach((r, i) => (isHeldOut(r.id) ? testIdx : trainIdx).push(i));
  const held = fitLogistic(trainIdx.map((i) => xs[i]!), trainIdx.map((i) => ys[i]!), { lambda });
  const heldOutAuc = auc(testIdx.map((i) => predict(held, xs[i]!)), testIdx.map((i) => ys[i]!));
  // Scoring uses every labelled customer; the held-out AUC above says how well that generalises.
  const full = fitLogistic(xs, ys, { lambda });
  return { model: { ...full, features, heldOutAuc, trainSize: trainIdx.length, testSize: testIdx.length, positives: pos, negatives: neg } };
}

export interface ChurnScore {
  risk: number;
  factors: { feature: string; effect: number }[];
}

/** Risk as of `day` and the three features that moved it most (effect = change in log-odds). */
export function scoreChurn(m: ChurnModel, ctx: FeatureContext, day: number, top = 3): ChurnScore {
  const x = m.features.map((f) => featureValue(f, ctx, day));
  const contrib = contributions(m, x);
  const factors = contrib
    .map((effect, j) => ({ j, effect }))
    .filter((f) => Math.abs(f.effect) >= 0.05)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, top)
    .sort((a, b) => b.effect - a.effect)
    .map((f) => ({ feature: describeFeature(m.features[f.j]!, ctx, day), effect: Math.round(f.effect * 1000) / 1000 }));
  return { risk: predict(m, x), factors };
}
