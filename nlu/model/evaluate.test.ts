import { describe, expect, it } from '@jest/globals';
import { evaluateDecider } from './evaluate.js';

describe('evaluateDecider', () => {
  it('scores in-scope accuracy and out-of-scope recall together, with wall and CPU latency', async () => {
    const answers: Record<string, string | null> = { a1: 'a', a2: 'b', b1: 'b', o1: null, o2: 'a' };
    const r = await evaluateDecider(async (t) => answers[t] ?? null, [
      { text: 'a1', intent: 'a' },
      { text: 'a2', intent: 'a' },
      { text: 'b1', intent: 'b' },
      { text: 'o1', intent: null },
      { text: 'o2', intent: null },
    ]);
    expect(r.accuracy).toBeCloseTo(3 / 5);
    expect(r.inScopeAccuracy).toBeCloseTo(2 / 3);
    expect(r.oosRecall).toBeCloseTo(1 / 2);
    expect(r.examples).toBe(5);
    for (const v of [r.p50Ms, r.p99Ms, r.p99CpuMs]) expect(Number.isFinite(v) && v >= 0).toBe(true);
    expect(r.topConfusions).toEqual(expect.arrayContaining([{ truth: 'a', predicted: 'b', count: 1 }]));
  });
});
