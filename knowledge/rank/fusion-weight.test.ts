import { describe, expect, it } from '@jest/globals';
import { chooseVectorWeight, type FusionProbe } from './fusion-weight.js';

const ids = (n: number, first: string) => [first, ...Array.from({ length: n }, (_, i) => `x${i}`).filter((x) => x !== first)];
/** Probes where one view puts the target first and the other buries it at rank `buried`. */
const probes = (good: 'lexical' | 'vector', count: number, buried = 8): FusionProbe[] =>
  Array.from({ length: count }, (_, i) => {
    const target = `t${i}`;
    const top = ids(10, target);
    const low = [...ids(10, 'x0').slice(0, buried), target];
    return good === 'lexical' ? { target, lexical: top, vector: low } : { target, lexical: low, vector: top };
  });

describe('chooseVectorWeight', () => {
  it('leans on the view that finds the probes’ own entries', () => {
    expect(chooseVectorWeight(probes('lexical', 40))).toBe(0);
    expect(chooseVectorWeight(probes('vector', 40))).toBe(4);
  });

  it('keeps plain RRF when both views agree or there are too few probes to tell', () => {
    const agree = probes('lexical', 40).map((p) => ({ ...p, vector: p.lexical }));
    expect(chooseVectorWeight(agree)).toBe(1);
    expect(chooseVectorWeight(probes('lexical', 5))).toBe(1);
  });

  it('follows the majority of mixed evidence', () => {
    const shifted = (ps: FusionProbe[]) => ps.map((p) => ({ ...p, target: `${p.target}'`, lexical: p.lexical.map((id) => (id === p.target ? `${id}'` : id)), vector: p.vector.map((id) => (id === p.target ? `${id}'` : id)) }));
    expect(chooseVectorWeight([...probes('lexical', 30, 3), ...shifted(probes('vector', 10, 3))])).toBeLessThan(1);
    expect(chooseVectorWeight([...probes('vector', 30, 3), ...shifted(probes('lexical', 10, 3))])).toBeGreaterThan(1);
  });
});
