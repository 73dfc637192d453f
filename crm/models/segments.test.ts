import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../../core/index.js';
import { buildSegments, labelClusters, type SegmentPoint } from './segments.js';

describe('segment names', () => {
  it('gives each cluster the nearest archetype, never the same name twice', () => {
    // z-space: (log recency, log frequency, log revenue); low recency = bought recently.
    const labels = labelClusters([[-1, 1.2, 1.1], [1.2, -0.9, -0.9], [-1, -0.9, -0.2], [1, 0.7, 0.6], [-0.9, 1.1, 1.3]]);
    expect(labels[0]).toBe('Champions');
    expect(labels[1]).toBe('Hibernating');
    expect(labels[2]).toBe('New customers');
    expect(labels[3]).toBe('At risk');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('finds planted groups and reports their size and value', async () => {
    const r = seededRandom(4);
    const points: SegmentPoint[] = [];
    const group = (n: number, recency: number, frequency: number, revenue: number) => {
      for (let i = 0; i < n; i++) {
        const j = () => 0.8 + r() * 0.4;
        points.push({ rfm: { r: 3, f: 3, m: 3, score: 9 }, recencyDays: recency * j(), frequency: Math.max(1, Math.round(frequency * j())), revenue: revenue * j(), csat: null, negativeShare: 0, expectedRevenue: revenue / 10 });
      }
    };
    group(100, 5, 20, 5000); // champions
    group(100, 300, 1, 30); // hibernating
    group(100, 4, 1, 40); // new
    const seg = await buildSegments(points, false);
    if ('reason' in seg) throw new Error(seg.reason);
    const byLabel = Object.fromEntries(seg.segments.map((s) => [s.label, s]));
    expect(byLabel.Champions?.size).toBe(100);
    expect(byLabel.Hibernating?.size).toBe(100);
    expect(byLabel['New customers']?.size).toBe(100);
    expect(byLabel.Champions!.revenue).toBeGreaterThan(byLabel.Hibernating!.revenue * 50);
  });
});
