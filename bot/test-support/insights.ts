/** TEST-ONLY: writes one CRM run of insights (CLV and churn risk per customer) with a matching CLV histogram. */
import type { CustomerInsights, Stores } from '../../core/index.js';

export interface SeedInsight {
  customerId: string;
  expectedRevenue: number;
  churnRisk: number;
}

export async function seedInsights(stores: Pick<Stores, 'insights'>, rows: SeedInsight[], asOf = '2026-12-01T00:00:00.000Z'): Promise<void> {
  const run = await stores.insights.begin(asOf);
  const items: CustomerInsights[] = rows.map((r) => ({
    customerId: r.customerId,
    asOf,
    orders: 1,
    revenue: r.expectedRevenue,
    lastOrderAt: asOf,
    rfm: null,
    segment: null,
    churn: { risk: r.churnRisk, factors: [] },
    clv: { pAlive: 0.5, expectedOrders: 1, expectedRevenue: r.expectedRevenue },
  }));
  await stores.insights.put(run, items);
  const max = Math.max(1, ...rows.map((r) => r.expectedRevenue));
  const width = max / 10;
  const distribution = Array.from({ length: 10 }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: rows.filter((r) => r.expectedRevenue >= i * width && (r.expectedRevenue < (i + 1) * width || (i === 9 && r.expectedRevenue === max))).length,
  }));
  await stores.insights.commit(run, {
    asOf,
    computedAt: asOf,
    durationMs: 1,
    customers: rows.length,
    customersWithOrders: rows.length,
    notes: [],
    churn: { ready: true, horizonDays: 90, auc: null, atRisk: 0, distribution: [], topAtRisk: [] },
    clv: { ready: true, model: 'test', parameters: {}, totalExpectedRevenue: rows.reduce((n, r) => n + r.expectedRevenue, 0), distribution },
    segments: [],
    calibration: null,
  });
}
