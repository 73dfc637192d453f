import { describe, expect, it } from '@jest/globals';
import { seededRandom as rng } from '../../core/index.js';
import { auc, contributions, fitLogistic, predict, solve } from './logistic.js';

describe('logistic regression', () => {
  it('computes AUC with ties the Mann-Whitney way', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBeCloseTo(0.5);
    expect(auc([1, 2, 3], [1, 1, 1])).toBeNull();
  });

  it('solves a small linear system', () => {
    expect(solve([[4, 1], [1, 3]], [1, 2]).map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.090909, 0.636364]);
  });

  it('recovers the sign and rough size of true effects; L2 shrinks them', () => {
    const r = rng(3);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [r() * 10, r() * 4, r()]; // third feature is noise
      const p = 1 / (1 + Math.exp(-(-2 + 0.6 * x[0]! - 1.0 * x[1]!)));
      xs.push(x);
      ys.push(r() < p ? 1 : 0);
    }
    const m = fitLogistic(xs, ys, { lambda: 0.01 });
    // Weights are per standard deviation: 0.6 * sd(U[0,10]) = 1.73, -1.0 * sd(U[0,4]) = -1.15.
    expect(m.weights[0]).toBeCloseTo(1.73, 0);
    expect(m.weights[1]).toBeCloseTo(-1.15, 0);
    expect(Math.abs(m.weights[2]!)).toBeLessThan(0.2);
    const strong = fitLogistic(xs, ys, { lambda: 2000 });
    expect(Math.abs(strong.weights[0]!)).toBeLessThan(Math.abs(m.weights[0]!));
    expect(auc(xs.map((x) => predict(m, x)), ys)).toBeGreaterThan(0.8);
    const c = contributions(m, [10, 0, 0.5]);
    expect(c[0]).toBeGreaterThan(0);
    expect(c[1]).toBeGreaterThan(0); // below-average x1 lowers... the negative weight times negative z
  });
});
