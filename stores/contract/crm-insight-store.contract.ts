import { describe, expect, it } from '@jest/globals';
import type { CrmRunSummary, CustomerInsights } from '../../core/index.js';
import { useStores, walkPages, type StoresFactory } from './harness.js';

const AS_OF = '2026-11-01T00:00:00.000Z';

export const insightFor = (customerId: string, revenue: number, asOf = AS_OF): CustomerInsights => ({
  customerId,
  asOf,
  orders: 2,
  revenue,
  lastOrderAt: '2026-10-01T00:00:00.000Z',
  rfm: { r: 3, f: 2, m: 4, score: 9 },
  segment: { id: 1, label: 'Loyal' },
  churn: { risk: 0.25, factors: [{ feature: 'No order for 31 days', effect: 0.4 }] },
  clv: { pAlive: 0.8, expectedOrders: 1.5, expectedRevenue: revenue / 2 },
});

export const summaryFor = (asOf: string, topIds: string[]): CrmRunSummary => ({
  asOf,
  computedAt: asOf,
  durationMs: 5,
  customers: topIds.length,
  customersWithOrders: topIds.length,
  notes: [],
  churn: {
    ready: true,
    horizonDays: 90,
    auc: 0.8,
    atRisk: 1,
    distribution: [{ from: 0, to: 0.5, count: topIds.length }],
    topAtRisk: topIds.map((customerId) => ({ customerId, risk: 0.7, expectedRevenue: 10 })),
  },
  clv: { ready: true, model: 'bg-nbd', parameters: { r: 0.2 }, totalExpectedRevenue: 100, distribution: [] },
  segments: [{ id: 1, label: 'Loyal', size: topIds.length, revenue: 50, expectedRevenue: 20 }],
  calibration: null,
});

export function describeCrmInsightStore(make: StoresFactory): void {
  describe('CrmInsightStore', () => {
    const stores = useStores(make);

    it('shows nothing of a run until it commits, then all of it', async () => {
      const s = stores().insights;
      expect([await s.summary(), await s.get('c1'), await s.list()]).toEqual([null, null, { items: [], nextCursor: null }]);
      const run = await s.begin(AS_OF);
      await s.put(run, [insightFor('c1', 10), insightFor('c2', 20)]);
      expect(await s.get('c1')).toBeNull();
      await s.commit(run, summaryFor(AS_OF, ['c1']));
      expect(await s.get('c2')).toEqual(insightFor('c2', 20));
      expect((await s.summary())?.churn.topAtRisk.map((t) => t.customerId)).toEqual(['c1']);
    });

    it('swaps generations whole: the previous run stays current until the next commits', async () => {
      const s = stores().insights;
      const later = '2026-12-01T00:00:00.000Z';
      const run = await s.begin(later);
      await s.put(run, [insightFor('c3', 30, later)]);
      expect((await s.get('c1'))?.asOf).toBe(AS_OF);
      await s.commit(run, summaryFor(later, ['c3']));
      expect([await s.get('c1'), (await s.get('c3'))?.asOf, (await s.summary())?.asOf]).toEqual([null, later, later]);
      await expect(s.put(run, [insightFor('c4', 1)])).rejects.toThrow(/not open/);
      await expect(s.commit(run, summaryFor(later, []))).rejects.toThrow(/not open/);
    });

    it('drops an unfinished run when a new one begins', async () => {
      const s = stores().insights;
      const dead = await s.begin(AS_OF);
      await s.put(dead, [insightFor('zombie', 1)]);
      const fresh = await s.begin(AS_OF);
      await expect(s.put(dead, [insightFor('zombie', 1)])).rejects.toThrow(/not open/);
      await s.put(fresh, [insightFor('c5', 5)]);
      await s.commit(fresh, summaryFor(AS_OF, []));
      expect([await s.get('zombie'), (await s.get('c5'))?.revenue]).toEqual([null, 5]);
    });

    it('pages by customer id and refuses invalid insights', async () => {
      const s = stores().insights;
      const run = await s.begin(AS_OF);
      const ids = Array.from({ length: 7 }, (_, i) => `p${i}`);
      await s.put(run, ids.map((id, i) => insightFor(id, i)));
      await expect(s.put(run, [{ ...insightFor('bad', 1), rfm: { r: 9, f: 1, m: 1, score: 11 } }])).rejects.toThrow();
      await s.commit(run, summaryFor(AS_OF, ['p1', 'p2']));
      const pages = await walkPages((p) => s.list(p), 3);
      expect(pages.map((p) => p.map((i) => i.customerId))).toEqual([['p0', 'p1', 'p2'], ['p3', 'p4', 'p5'], ['p6']]);
    });

    it('erases a customer from the insights and the summary lists', async () => {
      const s = stores().insights;
      await s.eraseCustomer('p1');
      expect(await s.get('p1')).toBeNull();
      expect((await s.summary())?.churn.topAtRisk.map((t) => t.customerId)).toEqual(['p2']);
      expect((await s.get('p2'))?.customerId).toBe('p2');
    });
  });
}
