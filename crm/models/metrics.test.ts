import { describe, expect, it } from '@jest/globals';
import { splitCsv } from '../cli/read-orders-csv.js';
import { precisionAtTop, ranks, spearman } from './metrics.js';

describe('evaluation metrics', () => {
  it('ranks ties by their average rank and computes Spearman', () => {
    expect(Array.from(ranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('measures precision among the highest-scored tenth', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i);
    const labels = scores.map((s) => (s >= 19 ? 1 : 0));
    expect(precisionAtTop(scores, labels, 0.1)).toBe(0.5);
  });
});

describe('CSV records', () => {
  it('splits quoted fields with commas and escaped quotes', () => {
    expect(splitCsv('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
  });
});
