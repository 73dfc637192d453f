import { describe, expect, it } from '@jest/globals';
import { intentAccuracy } from './model-metrics.js';

describe('intentAccuracy', () => {
  it("reads nlu's held-back tally per intent", () => {
    const metrics = { perIntent: { refund: { examples: 8, correct: 6 }, greeting: { examples: 0, correct: 0 } } };
    expect(intentAccuracy(metrics, 'refund')).toBe(0.75);
    expect(intentAccuracy(metrics, 'greeting')).toBeNull(); // nothing held back: not measured
    expect(intentAccuracy(metrics, 'unknown')).toBeNull();
  });

  it('treats records without per-intent figures as not measured', () => {
    expect(intentAccuracy(undefined, 'refund')).toBeNull();
    expect(intentAccuracy({ heldOutAccuracy: 0.9 }, 'refund')).toBeNull();
    expect(intentAccuracy({ perIntent: { refund: 'high' } }, 'refund')).toBeNull();
  });
});
