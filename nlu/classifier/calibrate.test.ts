import { describe, expect, it } from '@jest/globals';
import { chooseThreshold, decide, inScopeConfidence } from './calibrate.js';

const p = (...v: number[]) => Float64Array.from(v);

describe('out-of-scope decision', () => {
  it('reads the top intent against the in-scope mass, not against the out-of-scope share', () => {
    // Classes: a, b, out-of-scope (index 2). a holds 0.45 of 0.8 in-scope mass.
    const probs = p(0.45, 0.35, 0.2);
    expect(inScopeConfidence(probs, 2, 0)).toBeCloseTo(0.5625);
    expect(decide(probs, 2, 0.5)).toBe(0);
    expect(decide(probs, 2, 0.6)).toBe(-1);
    // Models saved before this rule read the raw probability.
    expect(decide(probs, 2, 0.5, 'raw')).toBe(-1);
    // Without an out-of-scope class the confidence is the plain probability.
    expect(inScopeConfidence(p(0.45, 0.55), -1, 0)).toBeCloseTo(0.45);
  });

  it('declines when the out-of-scope class wins, whatever the threshold', () => {
    expect(decide(p(0.3, 0.1, 0.6), 2, 0)).toBe(-1);
  });

  it('sweeps the threshold on the same confidence the decision reads', () => {
    // The right answers are clear among the intents though the out-of-scope class holds much of their
    // mass; the off-topic ones are near ties between intents with a higher raw top probability.
    // No raw-probability threshold separates them; the in-scope confidence does.
    const preds = [
      { probs: p(0.42, 0.08, 0.4), truth: 0 },
      { probs: p(0.08, 0.5, 0.42), truth: 1 },
      { probs: p(0.5, 0.45, 0.05), truth: -1 },
      { probs: p(0.46, 0.5, 0.04), truth: -1 },
      { probs: p(0.9, 0.05, 0.05), truth: 0 },
    ];
    const th = chooseThreshold(preds, 2);
    for (const x of preds) expect(decide(x.probs, 2, th)).toBe(x.truth);
  });
});
