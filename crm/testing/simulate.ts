import { seededRandom } from '../../core/index.js';

/** Purchase histories drawn from known MBG/NBD + Gamma-Gamma parameters (tests and the benchmark). */
export interface SimParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
  p: number;
  q: number;
  gamma: number;
}

export interface SimCustomer {
  id: string;
  /** Purchase times in days from the start of the log, ascending. */
  times: number[];
  values: number[];
}

export function gammaSampler(rand: () => number): (shape: number, rate: number) => number {
  const normal = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const draw = (shape: number): number => {
    if (shape < 1) return draw(shape + 1) * Math.pow(rand() || 1e-12, 1 / shape);
    // Marsaglia & Tsang.
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = rand();
      if (Math.log(u || 1e-12) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return (shape, rate) => draw(shape) / rate;
}

/**
 * Customers join uniformly over [0, joinDays) with a first purchase, then buy at rate lambda and
 * may drop out right after any purchase (including the first) with probability pDrop.
 */
export function simulate(n: number, s: SimParams, o: { joinDays: number; endDays: number; seed: number }): SimCustomer[] {
  const rand = seededRandom(o.seed);
  const gamma = gammaSampler(rand);
  const out: SimCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(s.r, s.alpha);
    const g1 = gamma(s.a, 1);
    const pDrop = g1 / (g1 + gamma(s.b, 1));
    const nu = gamma(s.q, s.gamma);
    let t = rand() * o.joinDays;
    const times: number[] = [];
    const values: number[] = [];
    for (;;) {
      times.push(t);
      values.push(gamma(s.p, nu));
      if (rand() < pDrop) break;
      t += -Math.log(rand() || 1e-12) / lambda;
      if (t >= o.endDays) break;
    }
    out.push({ id: `c${i}`, times, values });
  }
  return out;
}

/** Order lines (one or two per order), oldest first, in batches of `batch`. */
export function toLineBatches(customers: SimCustomer[], startMs: number, batch = 1000): { customerId: string; orderId: string; date: string; amount: number }[][] {
  const all: { ms: number; customerId: string; orderId: string; amount: number }[] = [];
  for (const c of customers) {
    c.times.forEach((t, k) => {
      const ms = startMs + Math.floor(t * 86_400_000);
      const v = Math.round(c.values[k]! * 100) / 100;
      // Two lines per order: models must sum them back into one order.
      all.push({ ms, customerId: c.id, orderId: `${c.id}-${k}`, amount: Math.round(v * 60) / 100 });
      all.push({ ms, customerId: c.id, orderId: `${c.id}-${k}`, amount: Math.round(v * 40) / 100 });
    });
  }
  all.sort((a, b) => a.ms - b.ms);
  const out: { customerId: string; orderId: string; date: string; amount: number }[][] = [];
  for (let i = 0; i < all.length; i += batch) {
    out.push(all.slice(i, i + batch).map((l) => ({ customerId: l.customerId, orderId: l.orderId, date: new Date(l.ms).toISOString(), amount: l.amount })));
  }
  return out;
}
