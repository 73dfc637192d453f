import type { LineBatches, OrderLine } from './input.js';

export const DAY_MS = 86_400_000;

/**
 * Per-customer purchase histories as of `asOf`, in flat typed arrays (100k customers / 1M lines
 * stay a few tens of MB). Lines are grouped into orders by (customerId, orderId); an order's value
 * is the sum of its lines. Then, explicitly:
 * - an order with value > 0 is a purchase;
 * - an order with value < 0 is a return (credit note): it lowers net revenue, is counted in
 *   `returns`, and is not a purchase;
 * - an order with value 0 (free replacement, fully cancelled) is counted in `zeroOrders` only.
 * Purchases on the same UTC day form one purchase occasion (the unit of the purchase model,
 * as in Fader & Hardie's daily counting), valued at their sum.
 */
export interface Histories {
  asOfMs: number;
  ids: string[];
  /** Occasions of customer i are occStart[i] .. occStart[i+1]-1, ascending by day. */
  occStart: Int32Array;
  occDay: Int32Array;
  occValue: Float64Array;
  orders: Int32Array;
  returns: Int32Array;
  /** Net revenue: purchases minus returns. */
  revenue: Float64Array;
  grossRevenue: Float64Array;
  lastOrderMs: Float64Array;
  stats: { lines: number; linesAfterAsOf: number; badDates: number; orders: number; returns: number; zeroOrders: number };
}

class Grow {
  i32: Int32Array = new Int32Array(1024);
  f64: Float64Array = new Float64Array(1024);
  f64b: Float64Array = new Float64Array(1024);
  n = 0;
  push(c: number, ms: number, v: number): number {
    if (this.n === this.i32.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.i32 = grow(this.i32, (n) => new Int32Array(n));
      this.f64 = grow(this.f64, (n) => new Float64Array(n));
      this.f64b = grow(this.f64b, (n) => new Float64Array(n));
    }
    this.i32[this.n] = c;
    this.f64[this.n] = ms;
    this.f64b[this.n] = v;
    return this.n++;
  }
}

/** Orders still open to more lines; lines of one order arrive together in an oldest-first scan. */
const OPEN_ORDERS = 20_000;

export async function buildHistories(batches: LineBatches, asOf: Date): Promise<Histories> {
  const asOfMs = asOf.getTime();
  const index = new Map<string, number>();
  const ids: string[] = [];
  const orders = new Grow(); // customer, ms, value
  const open = new Map<string, number>();
  let latest = -Infinity;
  const stats = { lines: 0, linesAfterAsOf: 0, badDates: 0, orders: 0, returns: 0, zeroOrders: 0 };
  const add = (l: OrderLine) => {
    stats.lines++;
    const ms = Date.parse(l.date);
    if (!Number.isFinite(ms)) return void stats.badDates++;
    if (ms >= asOfMs) return void stats.linesAfterAsOf++;
    if (ms > latest) {
      latest = ms;
      if (open.size > OPEN_ORDERS) open.clear();
    }
    let c = index.get(l.customerId);
    if (c === undefined) {
      c = ids.length;
      index.set(l.customerId, c);
      ids.push(l.customerId);
    }
    const key = `${l.customerId}\u0001${l.orderId}`;
    const slot = open.get(key);
    if (slot === undefined) open.set(key, orders.push(c, ms, l.amount));
    else orders.f64b[slot]! += l.amount;
  };
  for await (const batch of batches) for (const l of batch) add(l);
  return assemble(ids, orders, asOfMs, stats);
}

function assemble(ids: string[], o: Grow, asOfMs: number, stats: Histories['stats']): Histories {
  const n = ids.length;
  const h: Histories = {
    asOfMs, ids, stats,
    occStart: new Int32Array(n + 1),
    occDay: new Int32Array(0),
    occValue: new Float64Array(0),
    orders: new Int32Array(n),
    returns: new Int32Array(n),
    revenue: new Float64Array(n),
    grossRevenue: new Float64Array(n),
    lastOrderMs: new Float64Array(n).fill(Number.NaN),
  };
  // Counting sort of purchases by customer (stable: each customer's orders keep scan order).
  const counts = new Int32Array(n + 1);
  for (let k = 0; k < o.n; k++) {
    const c = o.i32[k]!;
    const v = o.f64b[k]!;
    h.revenue[c]! += v;
    if (v > 0) {
      counts[c + 1]!++;
      h.orders[c]!++;
      h.grossRevenue[c]! += v;
      stats.orders++;
      const ms = o.f64[k]!;
      if (!(ms <= h.lastOrderMs[c]!)) h.lastOrderMs[c] = ms;
    } else if (v < 0) {
      h.returns[c]!++;
      stats.returns++;
    } else stats.zeroOrders++;
  }
  for (let c = 0; c < n; c++) counts[c + 1]! += counts[c]!;
  const start = counts.slice();
  const day = new Int32Array(stats.orders);
  const val = new Float64Array(stats.orders);
  const fill = counts.slice();
  for (let k = 0; k < o.n; k++) {
    const v = o.f64b[k]!;
    if (v <= 0) continue;
    const c = o.i32[k]!;
    const at = fill[c]!++;
    day[at] = Math.floor(o.f64[k]! / DAY_MS);
    val[at] = v;
  }
  // Per customer: sort by day (a no-op for an oldest-first scan) and merge same-day purchases.
  let w = 0;
  for (let c = 0; c < n; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    h.occStart[c] = w;
    let ds: ArrayLike<number> = day.subarray(from, to);
    let vs: ArrayLike<number> = val.subarray(from, to);
    let sorted = true;
    for (let i = 1; i < ds.length && sorted; i++) sorted = ds[i]! >= ds[i - 1]!;
    if (!sorted) {
      // Copies, because the merge below writes into the same arrays.
      const order = Array.from({ length: to - from }, (_, i) => i).sort((p, q) => ds[p]! - ds[q]!);
      const d0 = ds;
      const v0 = vs;
      ds = order.map((i) => d0[i]!);
      vs = order.map((i) => v0[i]!);
    }
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      const v = vs[i]!;
      if (w > h.occStart[c]! && day[w - 1] === d) val[w - 1]! += v;
      else {
        day[w] = d;
        val[w] = v;
        w++;
      }
    }
  }
  h.occStart[n] = w;
  h.occDay = day.slice(0, w);
  h.occValue = val.slice(0, w);
  return h;
}
