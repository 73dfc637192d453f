import { describe, expect, it } from '@jest/globals';
import { tallyHeldOut } from './held-out-accuracy.js';

describe('tallyHeldOut', () => {
  it('counts overall and per-intent accuracy, out-of-scope under its own label', () => {
    const r = tallyHeldOut(
      [
        { truth: 0, decided: 0 },
        { truth: 0, decided: 1 },
        { truth: 1, decided: 1 },
        { truth: -1, decided: -1 },
        { truth: -1, decided: 0 },
      ],
      ['a', 'b'],
      'oos',
    );
    expect(r.accuracy).toBeCloseTo(3 / 5);
    expect(r.perIntent).toEqual({ a: { examples: 2, correct: 1 }, b: { examples: 1, correct: 1 }, oos: { examples: 2, correct: 1 } });
  });

  it('has no accuracy without held-back utterances', () => {
    expect(tallyHeldOut([], ['a'], 'oos')).toEqual({ accuracy: null, perIntent: {} });
  });
});
