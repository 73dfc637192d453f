import { describe, expect, it } from '@jest/globals';
import type { CustomerRecommendations } from '../../core/index.js';
import { useStores, type StoresFactory } from './harness.js';

export const recsFor = (customerId: string, runId: string, productId = 'p1'): CustomerRecommendations => ({
  customerId,
  runId,
  computedAt: '2026-12-01T00:00:00.000Z',
  any: [{ productId, score: 0.5, reason: 'bought-before' }],
  fresh: [{ productId: 'p9', score: 0.1, reason: 'bought-together', because: productId }],
});

export function describeRecommendationStore(make: StoresFactory): void {
  describe('RecommendationStore', () => {
    const stores = useStores(make);

    it('keeps one row per customer: a later put replaces it', async () => {
      const s = stores().recommendations;
      expect(await s.get('c1')).toBeNull();
      await s.put([recsFor('c1', 'r1'), recsFor('c2', 'r1')]);
      await s.put([recsFor('c1', 'r1', 'p2')]);
      expect(await s.get('c1')).toEqual(recsFor('c1', 'r1', 'p2'));
      expect(await s.get('c2')).toEqual(recsFor('c2', 'r1'));
    });

    it('retains only the given run, and erases one customer', async () => {
      const s = stores().recommendations;
      await s.put([recsFor('c1', 'r2'), recsFor('c3', 'r2')]);
      expect(await s.retainRun('r2')).toBe(1);
      expect(await s.get('c2')).toBeNull();
      await s.eraseCustomer('c1');
      expect(await s.get('c1')).toBeNull();
      expect(await s.get('c3')).toEqual(recsFor('c3', 'r2'));
    });

    it('refuses a malformed row', async () => {
      const bad = { ...recsFor('c4', 'r2'), any: [{ productId: '', score: 1, reason: 'bought-before' as const }] };
      await expect(stores().recommendations.put([bad])).rejects.toThrow();
      expect(await stores().recommendations.get('c4')).toBeNull();
    });
  });
}
