import { activityBetween, countsAt } from './counts.js';
import type { Histories } from './history.js';
import { expectedSpend } from './gamma-gamma.js';
import { expectedPurchases } from './mbgnbd.js';
import type { ClvModel } from './clv.js';

/**
 * Backtest over the last completed window [cutDay, endDay): the purchase model fitted on data
 * before the cut predicts each customer's purchase days in the window; we compare with what
 * happened, overall and by repeat purchases before the cut (the usual calibration chart).
 */
export interface Calibration {
  from: string;
  to: string;
  predictedOrders: number;
  actualOrders: number;
  predictedRevenue: number;
  actualRevenue: number;
  byRepeatPurchases: { repeat: string; customers: number; predicted: number; actual: number }[];
}

const GROUPS = 7; // 0..5 and 6+

export function calibrate(h: Histories, model: ClvModel, cutDay: number, endDay: number): Calibration | null {
  if (model.kind !== 'mbg-nbd') return null;
  const t = endDay - cutDay;
  const groups = Array.from({ length: GROUPS }, (_, i) => ({ repeat: i === GROUPS - 1 ? `${i}+` : `${i}`, customers: 0, predicted: 0, actual: 0 }));
  let pr = 0;
  let ar = 0;
  for (let c = 0; c < h.ids.length; c++) {
    const k = countsAt(h, c, cutDay);
    if (!k) continue;
    const e = expectedPurchases(model.mbg, t, k.x, k.tx, k.T);
    const after = activityBetween(h, c, cutDay, endDay);
    const g = groups[Math.min(k.x, GROUPS - 1)]!;
    g.customers++;
    g.predicted += e;
    g.actual += after.n;
    pr += e * (model.gg ? expectedSpend(model.gg, k.n, k.mean) : k.mean);
    ar += after.value;
  }
  const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    from: iso(cutDay),
    to: iso(endDay),
    predictedOrders: round(groups.reduce((s, g) => s + g.predicted, 0)),
    actualOrders: groups.reduce((s, g) => s + g.actual, 0),
    predictedRevenue: round(pr),
    actualRevenue: round(ar),
    byRepeatPurchases: groups.map((g) => ({ ...g, predicted: round(g.predicted) })),
  };
}
