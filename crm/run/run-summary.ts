import type { CrmRunSummary, CustomerInsights as StoredInsights } from '../../core/index.js';
import type { RunSummary } from '../models/insights.js';

const TOP_AT_RISK = 20;
/** A customer is "at risk" from this churn probability on (the dashboard's count and list). */
export const AT_RISK = 0.5;

type Bucket = { from: number; to: number; count: number };

/** Ten equal risk buckets 0-0.1 ... 0.9-1. */
const riskBuckets = (): Bucket[] => Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0 }));
/** Decades of expected revenue (0, <1, 1-10, 10-100, ...): the same chart for any currency and shop size. */
function decade(buckets: Map<number, Bucket>, v: number): void {
  const k = v < 1 ? -1 : Math.floor(Math.log10(v));
  const b = buckets.get(k) ?? { from: k < 0 ? 0 : 10 ** k, to: 10 ** (k + 1), count: 0 };
  buckets.set(k, b);
  b.count++;
}

/** Folds the run's per-customer insights, chunk by chunk, into the dashboard's aggregates. */
export class SummaryAccumulator {
  private customers = 0;
  private withOrders = 0;
  private atRisk = 0;
  private totalExpected = 0;
  private readonly risk = riskBuckets();
  private readonly clv = new Map<number, Bucket>();
  private readonly segments = new Map<number, { id: number; label: string; size: number; revenue: number; expectedRevenue: number }>();
  private top: CrmRunSummary['churn']['topAtRisk'] = [];

  add(i: StoredInsights): void {
    this.customers++;
    if (i.orders > 0) this.withOrders++;
    const expected = i.clv?.expectedRevenue ?? null;
    if (expected !== null) (this.totalExpected += expected), decade(this.clv, expected);
    if (i.churn) {
      this.risk[Math.min(9, Math.floor(i.churn.risk * 10))]!.count++;
      if (i.churn.risk >= AT_RISK) {
        this.atRisk++;
        this.top.push({ customerId: i.customerId, risk: i.churn.risk, expectedRevenue: expected });
        // The most valuable at-risk customers first: expected revenue, then risk.
        if (this.top.length > TOP_AT_RISK * 4) this.trimTop();
      }
    }
    if (i.segment) {
      const s = this.segments.get(i.segment.id) ?? { ...i.segment, size: 0, revenue: 0, expectedRevenue: 0 };
      this.segments.set(i.segment.id, s);
      s.size++;
      s.revenue += i.revenue;
      s.expectedRevenue += expected ?? 0;
    }
  }

  private trimTop(): void {
    this.top.sort((a, b) => (b.expectedRevenue ?? 0) - (a.expectedRevenue ?? 0) || b.risk - a.risk);
    this.top.length = Math.min(this.top.length, TOP_AT_RISK);
  }

  finish(run: RunSummary, o: { computedAt: Date; durationMs: number }): CrmRunSummary {
    this.trimTop();
    const round = (v: number) => Math.round(v * 100) / 100;
    const mbg = run.clv.model?.kind === 'mbg-nbd' ? run.clv.model : null;
    // A calibration with a numeric failure in it says nothing reliable: leave the chart out.
    const cal = run.calibration && [run.calibration.predictedOrders, run.calibration.predictedRevenue, ...run.calibration.byRepeatPurchases.map((b) => b.predicted)].every(Number.isFinite) ? run.calibration : null;
    return {
      asOf: run.asOf,
      computedAt: o.computedAt.toISOString(),
      durationMs: o.durationMs,
      customers: this.customers,
      customersWithOrders: this.withOrders,
      notes: run.notes,
      churn: {
        ready: run.churn.mode !== null && run.churn.horizonDays !== null && Object.keys(run.churn.weights).length > 0,
        ...(run.churn.mode === null || Object.keys(run.churn.weights).length === 0
          ? { reason: run.notes.find((n) => /churn/i.test(n)) ?? 'Not enough history to learn churn yet' }
          : {}),
        horizonDays: run.churn.horizonDays,
        auc: run.churn.heldOutAuc,
        atRisk: this.atRisk,
        distribution: this.risk,
        topAtRisk: this.top.map((t) => ({ ...t, risk: Math.round(t.risk * 1000) / 1000, expectedRevenue: t.expectedRevenue === null ? null : round(t.expectedRevenue) })),
      },
      clv: {
        ready: run.clv.model !== null,
        ...(run.clv.model === null ? { reason: 'No purchases before asOf' } : {}),
        model: run.clv.model?.kind ?? 'none',
        parameters: mbg ? { ...mbg.mbg, ...(mbg.gg ?? {}), meanSpend: mbg.meanSpend } : {},
        totalExpectedRevenue: round(this.totalExpected),
        distribution: [...this.clv.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b),
      },
      segments: [...this.segments.values()]
        .sort((a, b) => a.id - b.id)
        .map((s) => ({ ...s, revenue: round(s.revenue), expectedRevenue: round(s.expectedRevenue) })),
      calibration: cal
        ? {
            from: cal.from,
            to: cal.to,
            predictedOrders: round(cal.predictedOrders),
            actualOrders: cal.actualOrders,
            predictedRevenue: round(cal.predictedRevenue),
            actualRevenue: round(cal.actualRevenue),
            buckets: cal.byRepeatPurchases.map((b) => ({ label: b.repeat, customers: b.customers, predicted: round(b.predicted), actual: b.actual })),
          }
        : null,
    };
  }
}
