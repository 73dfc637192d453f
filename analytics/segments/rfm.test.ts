import { describe, expect, it } from '@jest/globals';
import { estimateClv } from './clv.js';
import { quintileCuts, quintileScore, rfmScore } from './rfm.js';

describe('RFM quintiles', () => {
  it('splits 100 distinct values into five equal fifths', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const cuts = quintileCuts(values);
    expect(cuts).toEqual([20, 40, 60, 80]);
    const counts = [0, 0, 0, 0, 0];
    for (const v of values) counts[quintileScore(v, cuts) - 1]!++;
    expect(counts).toEqual([20, 20, 20, 20, 20]);
  });

  it('gives the most recent, most frequent, biggest spenders 555', () => {
    const cuts = { recency: [2, 5, 10, 30], frequency: [1, 2, 3, 6], monetary: [10, 50, 100, 500] };
    expect(rfmScore(1, 9, 900, cuts)).toEqual({ r: 5, f: 5, m: 5, code: '555' });
    expect(rfmScore(60, 1, 5, cuts)).toEqual({ r: 1, f: 1, m: 1, code: '111' });
    expect(rfmScore(7, 3, null, { ...cuts, monetary: null }).code).toBe('33-');
  });
});

describe('CLV estimate', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 10, 25);
  it('is AOV x monthly rate x 12 for a customer buying on rhythm', () => {
    // 12 orders of 50 over the last ~11 months, the last one 10 days ago (gap ~30 days): alive.
    const first = now - 340 * DAY;
    const clv = estimateClv({ count: 12, total: 600, firstMs: first, lastMs: now - 10 * DAY }, now);
    const perMonth = 12 / (340 / 30.44);
    expect(clv).toBeCloseTo(50 * perMonth * 12, 0);
  });

  it('decays for a customer far past their rhythm', () => {
    const onRhythm = estimateClv({ count: 6, total: 300, firstMs: now - 200 * DAY, lastMs: now - 20 * DAY }, now);
    const overdue = estimateClv({ count: 6, total: 300, firstMs: now - 400 * DAY, lastMs: now - 220 * DAY }, now);
    expect(overdue).toBeLessThan(onRhythm / 5);
    expect(estimateClv({ count: 0, total: 0, firstMs: now, lastMs: now }, now)).toBe(0);
  });
});
