import { countsAt, type Counts } from './counts.js';
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.js';
import type { Histories } from './history.js';
import { expectedPurchases, fitMbg, pAlive, pNoPurchase, type MbgParams } from './mbgnbd.js';
import { strideSample } from './sample.js';

/**
 * Data minimum for the purchase model: at least MIN_BUYERS customers with a purchase, of whom
 * MIN_REPEAT bought on two or more days, over at least MIN_SPAN_DAYS of history. Below it (or when
 * the fit fails) CLV falls back to each customer's own rate (see fallbackClv) and says so.
 */
export const MIN_BUYERS = 100;
export const MIN_REPEAT = 30;
export const MIN_SPAN_DAYS = 60;
/** Customers in the likelihood (evenly strided sample); more adds time, not accuracy. */
const FIT_SAMPLE = 20_000;

export interface PurchaseModel {
  kind: 'mbg-nbd';
  mbg: MbgParams;
  gg: GammaGammaParams | null;
  /** Population mean value of a purchase day (Gamma-Gamma's prior mean, or the plain mean). */
  meanSpend: number;
  fittedOn: number;
  note: string | null;
}

export interface FallbackModel {
  kind: 'fallback';
  meanSpend: number;
  note: string;
}

export type ClvModel = PurchaseModel | FallbackModel;

export interface ClvValue {
  pAlive: number;
  /** P(no purchase within the horizon): the purchase model's own churn probability. */
  pNoPurchase: number;
  expectedOrders: number;
  expectedRevenue: number;
}

/** Fits MBG/NBD + Gamma-Gamma on every buyer's occasions before `day`. */
export function fitClv(h: Histories, day: number): ClvModel {
  const all: Counts[] = [];
  let firstDay = Infinity;
  for (let c = 0; c < h.ids.length; c++) {
    const k = countsAt(h, c, day);
    if (k) all.push(k), (firstDay = Math.min(firstDay, k.firstDay));
  }
  const repeat = all.filter((k) => k.x > 0).length;
  const meanSpend = all.reduce((s, k) => s + k.mean, 0) / Math.max(1, all.length);
  const span = day - firstDay;
  if (all.length < MIN_BUYERS || repeat < MIN_REPEAT || !(span >= MIN_SPAN_DAYS)) {
    return {
      kind: 'fallback',
      meanSpend,
      note: `Too little purchase history for the purchase model (have ${all.length} buyers, ${repeat} repeat buyers, ` +
        `${Number.isFinite(span) ? span : 0} days; need ${MIN_BUYERS}, ${MIN_REPEAT} and ${MIN_SPAN_DAYS}): ` +
        'CLV is each customer\'s own purchase rate times average order value, discounted by how overdue they are',
    };
  }
  const sample = strideSample(all, FIT_SAMPLE);
  // Identical (x, tx, T) rows are weighted once: one-time buyers collapse to one row per day.
  const groups = new Map<string, { x: number; tx: number; T: number; w: number }>();
  for (const k of sample) {
    const key = `${k.x},${k.tx},${k.T}`;
    const g = groups.get(key);
    if (g) g.w++;
    else groups.set(key, { x: k.x, tx: k.tx, T: k.T, w: 1 });
  }
  const rows = [...groups.values()];
  const fit = fitMbg({ x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T), w: rows.map((r) => r.w) });
  const p = fit.params;
  if (!fit.converged || ![p.r, p.alpha, p.a, p.b].every(Number.isFinite)) {
    return { kind: 'fallback', meanSpend, note: 'The purchase model did not converge on this history: CLV uses the simple rate estimate' };
  }
  const spenders = sample.filter((k) => k.mean > 0);
  const gg = fitGammaGamma(spenders.map((k) => k.n), spenders.map((k) => k.mean));
  const ggOk = gg.converged && gg.params.q > 1 && Number.isFinite(gg.params.gamma);
  return {
    kind: 'mbg-nbd',
    mbg: p,
    gg: ggOk ? gg.params : null,
    meanSpend: ggOk ? (gg.params.p * gg.params.gamma) / (gg.params.q - 1) : meanSpend,
    fittedOn: sample.length,
    note: ggOk ? null : 'Spend model did not fit: expected revenue uses each customer\'s average order value',
  };
}

/** The simple estimate: own rate since the first purchase, discounted when overdue on the own rhythm. */
export function fallbackClv(k: Counts, horizonDays: number, meanSpend: number): ClvValue {
  const observed = Math.max(30, k.T);
  const rate = k.n / observed;
  const gap = k.x > 0 ? Math.max(7, k.tx / k.x) : Math.max(30, k.T);
  const overdue = Math.max(0, k.T - k.tx - gap);
  const alive = Math.exp(-overdue / gap);
  const orders = rate * horizonDays * alive;
  const spend = (k.total + meanSpend) / (k.n + 1);
  return { pAlive: alive, pNoPurchase: Math.exp(-orders), expectedOrders: orders, expectedRevenue: orders * spend };
}

export function clvFor(m: ClvModel, k: Counts, horizonDays: number): ClvValue {
  if (m.kind === 'fallback') return fallbackClv(k, horizonDays, m.meanSpend);
  const orders = expectedPurchases(m.mbg, horizonDays, k.x, k.tx, k.T);
  const spend = m.gg ? expectedSpend(m.gg, k.n, k.mean) : k.mean;
  return { pAlive: pAlive(m.mbg, k.x, k.tx, k.T), pNoPurchase: pNoPurchase(m.mbg, horizonDays, k.x, k.tx, k.T), expectedOrders: orders, expectedRevenue: orders * spend };
}
