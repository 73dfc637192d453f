import { roundMoney, type ImportLine, type OrderStore, type Product, type ScannedLine, type UpsertCounts } from '../../core/index.js';
import { clampLimit } from '../shared/page.js';
import {
  beforeMs,
  buildOrder,
  decodeKeyCursor,
  decodeOrderCursor,
  emptyCounts,
  encodeKeyCursor,
  encodeOrderCursor,
  productKey,
  sameOrder,
  sameProduct,
  scanBatch,
} from '../shared/order-fields.js';
import { eraseCustomerData } from './erase.js';
import { loopTransaction } from './loop-transaction.js';
import type { Db } from './open-database.js';
import { orderStatements, toOrder, toProduct, toScanned, type OrderRow } from './order-rows.js';

export function createOrderStore(db: Db): OrderStore {
  const tx = loopTransaction(db);
  const q = orderStatements(db);
  const read = (id: string) => {
    const row = q.order.get(id);
    return row ? toOrder(row, q.lines.all(id)) : null;
  };

  /**
   * One import batch; runs inside a transaction. Headers are cached per batch (lines of an order come
   * together), and the lines of an order created by this batch are inserted without a lookup.
   */
  const writeLines = (lines: ImportLine[], status: OrderRow['status']): UpsertCounts => {
    const counts = emptyCounts();
    const headers = new Map<string, OrderRow>();
    // Orders this batch creates: header and lines are written at the end with the total known, no lookups.
    const fresh = new Map<string, { head: OrderRow; lines: Map<string, ImportLine> }>();
    const touched = new Set<string>();
    for (const l of lines) {
      const dateMs = Date.parse(l.date);
      const key = productKey(l.productId);
      const created = fresh.get(l.orderId);
      if (created) {
        // Same order, same product twice in one batch: the later row replaces the earlier one.
        if (created.lines.has(key)) counts.updated++;
        else counts.inserted++;
        created.lines.set(key, l);
        Object.assign(created.head, { customer_id: l.customerId, external_customer_id: l.externalCustomerId ?? null, date: new Date(dateMs).toISOString(), date_ms: dateMs });
        continue;
      }
      let head = headers.get(l.orderId) ?? q.order.get(l.orderId);
      if (!head) {
        head = { order_id: l.orderId, customer_id: l.customerId, external_customer_id: l.externalCustomerId ?? null,
          date: new Date(dateMs).toISOString(), date_ms: dateMs, status, tracking_url: null, total: 0 };
        fresh.set(l.orderId, { head, lines: new Map([[key, l]]) });
        counts.inserted++;
        continue;
      }
      let moved = false;
      if (head.customer_id !== l.customerId || head.date_ms !== dateMs) {
        head = { ...head, customer_id: l.customerId, external_customer_id: l.externalCustomerId ?? null, date: new Date(dateMs).toISOString(), date_ms: dateMs };
        q.writeOrder.run(head);
        moved = true;
      }
      headers.set(l.orderId, head);
      const quantity = l.quantity ?? null;
      const old = q.line.get(l.orderId, key);
      if (!old) {
        q.insertLine.run(l.orderId, key, quantity, l.amount);
        counts.inserted++;
        touched.add(l.orderId);
      } else if (old.quantity !== quantity || old.amount !== l.amount) {
        q.writeLine.run(quantity, l.amount, l.orderId, key);
        counts.updated++;
        touched.add(l.orderId);
      } else if (moved) counts.updated++;
      else counts.unchanged++;
    }
    for (const id of touched) q.retotal.run({ id });
    for (const { head, lines: created } of fresh.values()) {
      let total = 0;
      for (const l of created.values()) total += l.amount;
      q.insertOrder.run({ ...head, total: roundMoney(total) });
      for (const [key, l] of created) q.insertLine.run(head.order_id, key, l.quantity ?? null, l.amount);
    }
    return counts;
  };

  return {
    async upsert(input) {
      const order = buildOrder(input);
      return tx.durable(db.transaction(() => {
        const before = read(order.orderId);
        if (before && sameOrder(before, order)) return { order: before, outcome: 'unchanged' as const };
        const row: OrderRow = { order_id: order.orderId, customer_id: order.customerId, external_customer_id: order.externalCustomerId ?? null,
          date: order.date, date_ms: Date.parse(order.date), status: order.status, tracking_url: order.trackingUrl ?? null, total: order.total };
        if (before) (q.writeOrder.run(row), q.deleteLines.run(order.orderId));
        else q.insertOrder.run(row);
        for (const l of order.lines) q.insertLine.run(order.orderId, productKey(l.productId), l.quantity ?? null, l.amount);
        return { order, outcome: before ? ('updated' as const) : ('inserted' as const) };
      }));
    },
    upsertLines(lines, defaults) {
      return tx.durable(db.transaction(() => writeLines(lines, defaults.status)));
    },
    async get(orderId) {
      return read(orderId);
    },
    async listByCustomer(customerId, page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeOrderCursor(page.cursor);
      const rows = after === null
        ? q.pageFirst.all(customerId, limit + 1)
        : q.pageAfter.all(customerId, after.dateMs, after.dateMs, after.orderId, limit + 1);
      const kept = rows.slice(0, limit);
      const last = kept[kept.length - 1];
      return {
        items: kept.map((r) => toOrder(r, q.lines.all(r.order_id))),
        nextCursor: rows.length > limit && last ? encodeOrderCursor(last.date_ms, last.order_id) : null,
      };
    },
    async *scanLines(opts = {}) {
      const before = beforeMs(opts.before);
      const limit = scanBatch(opts.batchSize);
      let ms = Number.MIN_SAFE_INTEGER;
      let id = '';
      for (;;) {
        const rows = q.scan.all({ ms, id, before, limit });
        if (rows.length === 0) return;
        const last = rows[rows.length - 1]!;
        (ms = last.date_ms), (id = last.order_id);
        yield rows.map(toScanned) satisfies ScannedLine[];
      }
    },
    upsertProducts(products: Product[]) {
      return tx.durable(db.transaction(() => {
        const counts = emptyCounts();
        for (const p of products) {
          const old = q.product.get(p.productId);
          if (old && sameProduct(toProduct(old), p)) {
            counts.unchanged++;
            continue;
          }
          q.upsertProduct.run({ product_id: p.productId, name: p.name, category: p.category ?? null, price: p.price ?? null });
          if (old) counts.updated++;
          else counts.inserted++;
        }
        return counts;
      }));
    },
    async getProduct(productId) {
      const row = q.product.get(productId);
      return row ? toProduct(row) : null;
    },
    async listProducts(page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeKeyCursor(page.cursor);
      const rows = after === null ? q.productsFirst.all(limit + 1) : q.productsAfter.all(after, limit + 1);
      const kept = rows.slice(0, limit);
      const last = kept[kept.length - 1];
      return { items: kept.map(toProduct), nextCursor: rows.length > limit && last ? encodeKeyCursor(last.product_id) : null };
    },
    async count() {
      return q.counts.get() ?? { orders: 0, lines: 0, products: 0 };
    },
    async eraseCustomer(customerId) {
      await eraseCustomerData(db, customerId, ['orders']);
    },
  };
}
