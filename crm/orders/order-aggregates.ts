import type { Order, OrderStore, ScannedLine } from '../../core/index.js';

/** What reporting needs of a customer's purchases until the CRM models replace it. */
export interface OrderAggregate {
  /** Orders whose lines sum to more than 0 (a pure return is not a purchase). */
  count: number;
  /** Net spend: every standing line, returns included, rounded to cents. */
  total: number;
  firstMs: number;
  lastMs: number;
}

function add(into: Map<string, OrderAggregate>, customerId: string, orderTotal: number, ms: number): void {
  const agg = into.get(customerId) ?? { count: 0, total: 0, firstMs: ms, lastMs: ms };
  agg.total = Math.round((agg.total + orderTotal) * 100) / 100;
  if (orderTotal > 0) {
    if (agg.count === 0) (agg.firstMs = ms), (agg.lastMs = ms);
    agg.count++;
    agg.firstMs = Math.min(agg.firstMs, ms);
    agg.lastMs = Math.max(agg.lastMs, ms);
  }
  into.set(customerId, agg);
}

/** Per-customer aggregates over every standing order line dated before `before` (streamed, oldest first). */
export async function orderAggregates(orders: OrderStore, before?: string): Promise<Map<string, OrderAggregate>> {
  const out = new Map<string, OrderAggregate>();
  type Open = { orderId: string; customerId: string; ms: number; total: number };
  let current = null as Open | null;
  const close = (o: Open | null) => o && add(out, o.customerId, o.total, o.ms);
  for await (const batch of orders.scanLines(before === undefined ? {} : { before })) {
    for (const l of batch as ScannedLine[]) {
      if (current?.orderId !== l.orderId) {
        close(current);
        current = { orderId: l.orderId, customerId: l.customerId, ms: Date.parse(l.date), total: 0 };
      }
      current.total += l.amount;
    }
  }
  close(current);
  for (const [id, agg] of out) if (agg.count === 0) out.delete(id);
  return out;
}

/** The same aggregate for one customer's orders (cancelled and returned orders do not stand). */
export function aggregateOf(orders: Order[]): OrderAggregate | null {
  const out = new Map<string, OrderAggregate>();
  for (const o of orders) if (o.status !== 'cancelled' && o.status !== 'returned') add(out, o.customerId, o.total, Date.parse(o.date));
  const agg = [...out.values()][0];
  return agg && agg.count > 0 ? agg : null;
}

/** One customer's aggregate over their orders dated before `nowMs` (null without a standing purchase). */
export async function customerOrderAggregate(orders: OrderStore, customerId: string, nowMs: number): Promise<OrderAggregate | null> {
  const all: Order[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<OrderStore['listByCustomer']>> = await orders.listByCustomer(customerId, { cursor, limit: 200 });
    all.push(...page.items.filter((o) => Date.parse(o.date) < nowMs));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return aggregateOf(all);
}
