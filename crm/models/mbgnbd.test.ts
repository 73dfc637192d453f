import { describe, expect, it } from '@jest/globals';
import { simulate } from '../testing/simulate.js';
import { expectedPurchases, fitMbg, pAlive, pNoPurchase } from './mbgnbd.js';
import { expectedSpend, fitGammaGamma } from './gamma-gamma.js';
import { hyp2f1, lgamma } from './special.js';

const truth = { r: 0.8, alpha: 40, a: 0.6, b: 2.5, p: 3, q: 6, gamma: 40 };
const CAL = 300; // calibration period end (days)
const END = 480;

/** Counts per customer as of `asOf` in the model's terms, plus purchases in (asOf, end]. */
function counts(customers: ReturnType<typeof simulate>, asOf: number) {
  const rows = customers.map((c) => {
    const before = c.times.filter((t) => t < asOf);
    return { x: before.length - 1, tx: before[before.length - 1]! - before[0]!, T: asOf - before[0]!, after: c.times.length - before.length };
  }).filter((r) => r.x >= 0);
  return { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T), after: rows.map((r) => r.after) };
}

describe('special functions', () => {
  it('lgamma matches known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 12);
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lgamma(100.5)).toBeCloseTo(361.4355404, 6);
  });
  it('2F1 matches closed forms', () => {
    // 2F1(1,1;2;z) = -ln(1-z)/z
    expect(hyp2f1(1, 1, 2, 0.7)).toBeCloseTo(-Math.log(0.3) / 0.7, 10);
    // 2F1(a,b;b;z) = (1-z)^-a
    expect(hyp2f1(2.5, 3, 3, 0.4)).toBeCloseTo(Math.pow(0.6, -2.5), 10);
  });
});

describe('MBG/NBD on data simulated from known parameters', () => {
  const sim = simulate(4000, truth, { joinDays: 200, endDays: END, seed: 21 });
  const cal = counts(sim, CAL);
  const fit = fitMbg(cal);

  it('recovers the parameters by maximum likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeGreaterThan(truth.r * 0.8);
    expect(fit.params.r).toBeLessThan(truth.r * 1.25);
    expect(fit.params.alpha).toBeGreaterThan(truth.alpha * 0.75);
    expect(fit.params.alpha).toBeLessThan(truth.alpha * 1.33);
    expect(fit.params.a).toBeGreaterThan(truth.a * 0.7);
    expect(fit.params.a).toBeLessThan(truth.a * 1.4);
    expect(fit.params.b).toBeGreaterThan(truth.b * 0.6);
    expect(fit.params.b).toBeLessThan(truth.b * 1.6);
  });

  it('predicts the hold-out purchases in aggregate and by frequency group', () => {
    const horizon = END - CAL;
    let predicted = 0;
    let actual = 0;
    const group = (x: number) => Math.min(x, 4);
    const byGroup = new Map<number, { p: number; a: number }>();
    cal.x.forEach((x, i) => {
      const e = expectedPurchases(fit.params, horizon, x, cal.tx[i]!, cal.T[i]!);
      predicted += e;
      actual += cal.after[i]!;
      const g = byGroup.get(group(x)) ?? { p: 0, a: 0 };
      g.p += e;
      g.a += cal.after[i]!;
      byGroup.set(group(x), g);
    });
    expect(predicted / actual).toBeGreaterThan(0.92);
    expect(predicted / actual).toBeLessThan(1.08);
    for (const g of byGroup.values()) expect(Math.abs(g.p - g.a) / g.a).toBeLessThan(0.2);
    // The model's churn probability: expected count of silent customers vs the real count.
    const silent = cal.after.filter((a) => a === 0).length;
    const expectedSilent = cal.x.reduce((sum, x, i) => sum + pNoPurchase(fit.params, horizon, x, cal.tx[i]!, cal.T[i]!), 0);
    expect(Math.abs(expectedSilent - silent) / silent).toBeLessThan(0.05);
  });

  it('gives a one-order customer P(alive) < 1 that falls with time, and frequent buyers more', () => {
    const p = fit.params;
    expect(pAlive(p, 0, 0, 10)).toBeLessThan(1);
    expect(pAlive(p, 0, 0, 200)).toBeLessThan(pAlive(p, 0, 0, 10));
    expect(pAlive(p, 5, 190, 200)).toBeGreaterThan(pAlive(p, 0, 0, 200));
    expect(pAlive(p, 5, 20, 200)).toBeLessThan(pAlive(p, 5, 190, 200));
    expect(expectedPurchases(p, 365, 5, 190, 200)).toBeGreaterThan(expectedPurchases(p, 90, 5, 190, 200));
  });

  it('Gamma-Gamma recovers the spend parameters and shrinks towards the mean', () => {
    const n = sim.map((c) => c.times.length);
    const m = sim.map((c) => c.values.reduce((a, b) => a + b, 0) / c.values.length);
    const g = fitGammaGamma(n, m);
    expect(g.params.p).toBeGreaterThan(truth.p * 0.8);
    expect(g.params.p).toBeLessThan(truth.p * 1.25);
    const mean = (g.params.p * g.params.gamma) / (g.params.q - 1);
    const trueMean = (truth.p * truth.gamma) / (truth.q - 1);
    expect(Math.abs(mean - trueMean) / trueMean).toBeLessThan(0.1);
    expect(expectedSpend(g.params, 1, 100)).toBeLessThan(expectedSpend(g.params, 10, 100));
  });
});
