import type { LineBatches, OrderLine } from '../models/input.js';
import { DAY_MS } from '../models/history.js';
import type { Order } from '../../core/schemas/order.js';

/** One order as the recommenders see it: the products bought in it (positive lines) and returned in it (negative). */
export interface Basket {
  day: number;
  bought: number[];
  returned: number[];
}

/**
 * Purchase histories with products as dense indices (the models work on typed arrays). Each customer's baskets are
 * oldest first (scan order breaks same-day ties, and scans are oldest first).
 */
export interface Purchases {
  products: string[];
  productIndex: Map<string, number>;
  customers: string[];
  baskets: Basket[][];
}

/** Lines dated before `asOf` (all when absent), grouped into baskets by (customerId, orderId). */
export async function collectPurchases(batches: LineBatches, asOf?: Date): Promise<Purchases> {
  const asOfMs = asOf?.getTime() ?? Infinity;
  const b = new PurchasesBuilder();
  for await (const batch of batches) for (const l of batch) if (Date.parse(l.date) < asOfMs) b.add(l);
  return b.finish();
}

export class PurchasesBuilder {
  private readonly products: string[] = [];
  private readonly productIndex = new Map<string, number>();
  private readonly customerIndex = new Map<string, number>();
  private readonly customers: string[] = [];
  private readonly orders: Map<string, { day: number; lines: Map<number, number> }>[] = [];

  add(l: OrderLine): void {
    if (!l.productId) return;
    const ms = Date.parse(l.date);
    if (!Number.isFinite(ms)) return;
    let p = this.productIndex.get(l.productId);
    if (p === undefined) this.productIndex.set(l.productId, (p = this.products.push(l.productId) - 1));
    let c = this.customerIndex.get(l.customerId);
    if (c === undefined) {
      this.customerIndex.set(l.customerId, (c = this.customers.push(l.customerId) - 1));
      this.orders.push(new Map());
    }
    const orders = this.orders[c]!;
    let o = orders.get(l.orderId);
    if (!o) orders.set(l.orderId, (o = { day: Math.floor(ms / DAY_MS), lines: new Map() }));
    o.lines.set(p, (o.lines.get(p) ?? 0) + l.amount);
  }

  finish(): Purchases {
    const baskets = this.orders.map((orders) => {
      const list: Basket[] = [];
      for (const o of orders.values()) {
        const bought: number[] = [];
        const returned: number[] = [];
        for (const [p, amount] of o.lines) if (amount > 0) bought.push(p);
        else if (amount < 0) returned.push(p);
        if (bought.length || returned.length) list.push({ day: o.day, bought, returned });
      }
      return mergeDays(list);
    });
    return { products: this.products, productIndex: this.productIndex, customers: this.customers, baskets };
  }
}

/**
 * One basket per purchase day, the CRM models' unit (two invoices of one day are one shopping trip). Sorting is
 * stable, so same-day baskets keep scan order and a return still follows the purchase it undoes; a product bought
 * again after its return on the same day stands.
 */
export function mergeDays(list: Basket[]): Basket[] {
  list.sort((x, y) => x.day - y.day);
  const days: Basket[] = [];
  for (const b of list) {
    const prev = days[days.length - 1];
    if (prev && prev.day === b.day) {
      for (const p of b.bought) if (!prev.bought.includes(p)) prev.bought.push(p);
      prev.returned = [...prev.returned.filter((p) => !b.bought.includes(p)), ...b.returned];
    } else days.push({ day: b.day, bought: [...b.bought], returned: [...b.returned] });
  }
  return days;
}

/** A customer's stored orders as baskets over a fitted model's products (unknown products wait for the next run). */
export function basketsFromOrders(orders: readonly Order[], productIndex: ReadonlyMap<string, number>): Basket[] {
  const list: Basket[] = [];
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    const bought: number[] = [];
    const returned: number[] = [];
    for (const l of o.lines) {
      const p = l.productId === undefined ? undefined : productIndex.get(l.productId);
      if (p === undefined) continue;
      // A returned order undoes every line of it.
      if (l.amount > 0 && o.status !== 'returned') bought.push(p);
      else returned.push(p);
    }
    if (bought.length || returned.length) list.push({ day: Math.floor(Date.parse(o.date) / DAY_MS), bought, returned });
  }
  return mergeDays(list);
}

/**
 * What one customer's history says about each product they touched: orders containing it, the last day bought,
 * and whether a return came after the last purchase ("just returned": never recommended).
 */
export interface OwnHistory {
  items: Int32Array;
  counts: Float64Array;
  lastDay: Float64Array;
  /** Products returned and not bought again since. */
  returned: Set<number>;
  lastBasketDay: number;
  /** Orders that bought something. */
  orders: number;
}

export function ownHistory(baskets: readonly Basket[]): OwnHistory {
  const count = new Map<number, number>();
  const last = new Map<number, number>();
  const returnedAt = new Map<number, number>();
  let lastBasketDay = -Infinity;
  let orders = 0;
  baskets.forEach((bk, i) => {
    // Basket position orders same-day events: a return in a later basket beats the purchase.
    const at = bk.day + i * 1e-6;
    lastBasketDay = Math.max(lastBasketDay, bk.day);
    if (bk.bought.length) orders++;
    for (const p of bk.bought) count.set(p, (count.get(p) ?? 0) + 1), last.set(p, at);
    for (const p of bk.returned) returnedAt.set(p, at);
  });
  const returned = new Set<number>();
  for (const [p, at] of returnedAt) if (!(last.get(p)! > at)) returned.add(p);
  const items = Int32Array.from([...count.keys()].filter((p) => !returned.has(p)));
  return {
    items,
    counts: Float64Array.from(items, (p) => count.get(p)!),
    lastDay: Float64Array.from(items, (p) => Math.floor(last.get(p)!)),
    returned,
    lastBasketDay,
    orders,
  };
}
