import { lgamma } from './special.js';
import { nelderMead } from './nelder-mead.js';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005): each purchase's value is Gamma(p, nu) and
 * nu varies across customers as Gamma(q, gamma). Input per customer: n purchases, mean value m.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export function ggLogLik(g: GammaGammaParams, n: number, m: number): number {
  const pn = g.p * n;
  return (
    lgamma(pn + g.q) - lgamma(pn) - lgamma(g.q) + g.q * Math.log(g.gamma) +
    (pn - 1) * Math.log(m) + pn * Math.log(n) - (pn + g.q) * Math.log(g.gamma + n * m)
  );
}

/** Posterior mean value of this customer's future purchases (shrinks m towards the population mean). */
export function expectedSpend(g: GammaGammaParams, n: number, m: number): number {
  const population = (g.p * g.gamma) / (g.q - 1);
  if (n <= 0) return population;
  const w = (g.p * n) / (g.p * n + g.q - 1);
  return (1 - w) * population + w * m;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLik: number;
  customers: number;
  converged: boolean;
}

export function fitGammaGamma(n: ArrayLike<number>, m: ArrayLike<number>): GammaGammaFit {
  const len = n.length;
  let meanM = 0;
  for (let i = 0; i < len; i++) meanM += m[i]! / len;
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
  const objective = (v: number[]) => {
    if (v.some((u) => Math.abs(u) > 25)) return Number.POSITIVE_INFINITY;
    const g = toParams(v);
    // q <= 1 has no finite population mean spend: not a usable answer.
    if (g.q <= 1.0001) return Number.POSITIVE_INFINITY;
    let s = 0;
    for (let i = 0; i < len; i++) s += ggLogLik(g, n[i]!, m[i]!);
    return -s / len;
  };
  // Start with mean spend = meanM (p gamma / (q - 1) with p = 1, q = 3).
  let res = nelderMead(objective, [0, Math.log(3), Math.log(2 * Math.max(meanM, 1e-6))], { step: 1, maxIter: 800 });
  res = nelderMead(objective, res.x, { step: 0.2, maxIter: 800 });
  return { params: toParams(res.x), logLik: -res.value * len, customers: len, converged: res.converged };
}
