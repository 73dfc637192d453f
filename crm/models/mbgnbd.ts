import { hyp2f1, lgamma } from './special.js';
import { nelderMead } from './nelder-mead.js';

/**
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007), the BG/NBD variant in which a customer may also
 * drop out right after the first purchase. Plain BG/NBD gives every one-order customer
 * P(alive) = 1; here it falls with the time since that order, from the model itself.
 * Time unit: days. Per customer: x = repeat purchase days, tx = day of the last purchase and
 * T = day of asOf, both counted from the first purchase.
 */
export interface MbgParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface PurchaseCounts {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Optional row weights (identical histories counted once). */
  w?: ArrayLike<number>;
}

/** Log-likelihood of one customer. */
export function mbgLogLik(p: MbgParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lgamma(a + b) + lgamma(b + x + 1) - lgamma(b) - lgamma(a + b + x + 1);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  // log(1 + e^a4) without overflow.
  const soft = a4 > 30 ? a4 : Math.log1p(Math.exp(a4));
  return a1 + a2 + a3 + soft;
}

export function mbgTotalLogLik(p: MbgParams, c: PurchaseCounts): number {
  let s = 0;
  for (let i = 0; i < c.x.length; i++) s += (c.w ? c.w[i]! : 1) * mbgLogLik(p, c.x[i]!, c.tx[i]!, c.T[i]!);
  return s;
}

/** P(still active at T | x, tx, T). */
export function pAlive(p: MbgParams, x: number, tx: number, T: number): number {
  const logOdds = Math.log(p.a / (p.b + x)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * P(no purchase in (T, T + t] | history): gone, or still active and the Poisson clock stays
 * silent (an active customer can only drop out right after a purchase).
 */
export function pNoPurchase(p: MbgParams, t: number, x: number, tx: number, T: number): number {
  const alive = pAlive(p, x, tx, T);
  return 1 - alive + alive * Math.pow((p.alpha + T) / (p.alpha + T + t), p.r + x);
}

/**
 * Expected purchases in (T, T + t] given the history. The 2F1 of the published formula is
 * rewritten with Euler's transformation, (1-z)^(r+x) 2F1(r+x, b+x+1; a+b+x; z) =
 * (1-z)^(a-1) 2F1(a+b-r, a-1; a+b+x; z), whose series neither overflows for frequent buyers
 * nor needs many terms.
 */
export function expectedPurchases(p: MbgParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  // The closed form divides by (a - 1); at exactly 1 take the (continuous) neighbouring value.
  const a = Math.abs(p.a - 1) < 1e-6 ? 1 + 1e-6 : p.a;
  const { r, alpha, b } = p;
  const z = t / (alpha + T + t);
  const tail = Math.pow(1 - z, a - 1) * hyp2f1(a + b - r, a - 1, a + b + x, z);
  const first = (a + b + x) / (a - 1);
  return Math.max(0, (first * (1 - tail)) * pAlive({ ...p, a }, x, tx, T));
}

export interface MbgFit {
  params: MbgParams;
  logLik: number;
  customers: number;
  converged: boolean;
}

/** Maximum likelihood over log-parameters (Nelder-Mead, restarted once from its own optimum). */
export function fitMbg(c: PurchaseCounts): MbgFit {
  let n = 0;
  let sumT = 0;
  for (let i = 0; i < c.x.length; i++) {
    const w = c.w ? c.w[i]! : 1;
    n += w;
    sumT += w * c.T[i]!;
  }
  const meanT = sumT / n;
  const toParams = (v: number[]): MbgParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const objective = (v: number[]) => {
    // Keep the search inside a sane box; exp of huge log-parameters gives only NaN.
    if (v.some((u) => Math.abs(u) > 20)) return Number.POSITIVE_INFINITY;
    return -mbgTotalLogLik(toParams(v), c) / n;
  };
  let res = nelderMead(objective, [0, Math.log(Math.max(1, meanT / 4)), 0, 0], { step: 1, maxIter: 600 });
  res = nelderMead(objective, res.x, { step: 0.2, maxIter: 600 });
  return { params: toParams(res.x), logLik: -res.value * n, customers: n, converged: res.converged };
}
