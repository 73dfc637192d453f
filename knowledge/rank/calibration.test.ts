import { describe, expect, it } from '@jest/globals';
import { buildCandidates } from './candidates.js';
import { calibrate, chooseAnswerThreshold, decide, fitCalibration, KNOWN_PHRASING_P, NO_OVERLAP_CAP, priorCalibration } from './calibration.js';
import { fitLogistic, predict } from './logistic.js';
import { reciprocalRankFusion } from './fuse.js';

describe('calibration', () => {
  it('fits a logistic model that separates the classes', () => {
    const xs = Array.from({ length: 100 }, (_, i) => [i / 100]);
    const ys = xs.map(([x]) => (x! > 0.5 ? 1 : 0));
    const m = fitLogistic(xs, ys, { iterations: 3000, rate: 2, l2: 0 });
    expect(predict(m, [0.9])).toBeGreaterThan(0.8);
    expect(predict(m, [0.1])).toBeLessThan(0.2);
  });

  it("answers a query that is one of the top entry's own phrasings, unless another entry has it too", () => {
    const hit = (id: string, score: number, charSim: number) => ({ id, score, matched: 'alternate' as const, coverage: 1, questionCoverage: 1, charSim });
    const doubtful = { ...priorCalibration(false), model: { weights: [0, 0, 0, 0], bias: -3 } };
    const unique = buildCandidates([hit('a', 10, 1), hit('b', 9, 0.5)], null);
    expect(unique[0]?.knownPhrasing).toBe(true);
    expect(calibrate(doubtful, unique)[0]).toBeGreaterThanOrEqual(KNOWN_PHRASING_P);
    expect(calibrate(doubtful, unique)[1]).toBeLessThan(0.1);
    const shared = buildCandidates([hit('a', 10, 1), hit('b', 9, 1)], null);
    expect(calibrate(doubtful, shared)[0]).toBeLessThan(0.1);
    const close = buildCandidates([hit('a', 10, 0.9), hit('b', 9, 0.5)], null);
    expect(calibrate(doubtful, close)[0]).toBeLessThan(0.1);
  });

  it('keeps the prior when there are too few probes', () => {
    expect(fitCalibration([{ x: [1, 1, 1, 1], y: 1 }], false).source).toBe('prior');
  });

  it('picks the lowest threshold that reaches the target precision on probes', () => {
    const scored = [
      ...Array.from({ length: 20 }, (_, i) => ({ p: 0.6 + i * 0.01, y: 1 })),
      ...Array.from({ length: 20 }, (_, i) => ({ p: 0.2 + i * 0.01, y: i % 2 })),
    ];
    const t = chooseAnswerThreshold(scored);
    expect(t).toBeGreaterThanOrEqual(0.35);
    expect(t).toBeLessThan(0.6); // some of the mixed band is still precise enough
    // Confident but wrong probes: never answer below the ceiling.
    expect(chooseAnswerThreshold(Array.from({ length: 30 }, (_, i) => ({ p: 0.5 + i * 0.01, y: 0 })))).toBe(0.9);
  });

  it('never gives a lower hit a higher calibrated value, and decides answer/clarify/none', () => {
    const cal = { model: { weights: [0, 0, 0, 0], bias: 0 }, source: 'prior' as const, samples: 0, answerThreshold: 0.7, vectorWeight: 1 };
    expect(calibrate(cal, [{ id: 'a', score: 1, matched: 'question', features: [0, 0, 0, 0] }])).toEqual([0.5]);
    expect(decide([0.9, 0.1], 0.7).decision).toBe('answer');
    expect(decide([0.4, 0.3, 0.2, 0.01], 0.7)).toEqual({ decision: 'clarify', keep: 3 });
    expect(decide([0.05], 0.7).decision).toBe('none');
  });

  it('never answers or suggests a hit that shares no content word with the query', () => {
    const cal = { model: { weights: [0, 0, 0, 0], bias: 5 }, source: 'prior' as const, samples: 0, answerThreshold: 0.7, vectorWeight: 1 };
    const [p] = calibrate(cal, [{ id: 'a', score: 1, matched: 'question', features: [1, 1, 1, 1], noOverlap: true }]);
    expect(p).toBeLessThanOrEqual(NO_OVERLAP_CAP);
    expect(decide([p!], 0.7).decision).toBe('none');
  });

  it('fits on the rows the cap does not decide', () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => ({ x: [1, 0.5 + i / 100, 0.8, 0.4], y: 1 })),
      ...Array.from({ length: 40 }, (_, i) => ({ x: [1, i / 200, 0.2, 0], y: 0 })),
    ];
    // Confident-looking but wrong rows that the cap already handles must not drag the model down.
    const capped = Array.from({ length: 200 }, () => ({ x: [1, 0.9, 0.8, 0.4], y: 0, capped: true }));
    const a = fitCalibration(rows, false);
    const b = fitCalibration([...rows, ...capped], false);
    expect(b.model.weights).toEqual(a.model.weights);
    expect(b.answerThreshold).toBeLessThan(0.9);
  });

  it('fuses ranked lists by reciprocal rank', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['b', 'c', 'a']]);
    expect([...fused.entries()].sort((x, y) => y[1] - x[1])[0]?.[0]).toBe('b');
  });
});
