import type { AnyBulkWriteOperation } from 'mongoose';
import { roundMoney, VOID_ORDER_STATUSES, type ImportLine, type Order, type OrderStore, type Product, type ScannedLine } from '../../core/index.js';
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
import { op } from './connection.js';
import type { CrmModels } from './crm-models.js';
import { eraseCustomerData } from './erase.js';
import type { LineDoc, OrderDoc, ProductDoc } from './order-models.js';

const toLine = (l: LineDoc) => ({
  ...(l.productId !== '' ? { productId: l.productId } : {}),
  ...(l.quantity !== null && l.quantity !== undefined ? { quantity: l.quantity } : {}),
  amount: l.amount,
});
const toOrder = (d: OrderDoc): Order => ({
  orderId: d._id,
  customerId: d.customerId,
  ...(d.externalCustomerId ? { externalCustomerId: d.externalCustomerId } : {}),
  date: d.date,
  status: d.status,
  ...(d.trackingUrl ? { trackingUrl: d.trackingUrl } : {}),
  lines: [...d.lines].sort((a, b) => (a.productId < b.productId ? -1 : 1)).map(toLine),
  total: d.total,
});
const toDoc = (o: Order): OrderDoc => ({
  _id: o.orderId,
  customerId: o.customerId,
  externalCustomerId: o.externalCustomerId ?? null,
  date: o.date,
  dateMs: Date.parse(o.date),
  status: o.status,
  trackingUrl: o.trackingUrl ?? null,
  lines: o.lines.map((l) => ({ productId: productKey(l.productId), quantity: l.quantity ?? null, amount: l.amount })),
  total: o.total,
});
const toProduct = (d: ProductDoc): Product => ({
  productId: d._id,
  name: d.name,
  ...(d.category !== null ? { category: d.category } : {}),
  ...(d.price !== null ? { price: d.price } : {}),
});

export function createOrderStore(m: CrmModels): OrderStore {
  const replace = (doc: OrderDoc): AnyBulkWriteOperation<OrderDoc> => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } });
  return {
    async upsert(input) {
      const order = buildOrder(input);
      const before = await m.orders.findById(order.orderId).lean<OrderDoc>();
      if (before && sameOrder(toOrder(before), order)) return { order: toOrder(before), outcome: 'unchanged' };
      await m.orders.replaceOne({ _id: order.orderId }, toDoc(order), { upsert: true });
      return { order, outcome: before ? 'updated' : 'inserted' };
    },
    async upsertLines(lines: ImportLine[], defaults) {
      const counts = emptyCounts();
      const ids = [...new Set(lines.map((l) => l.orderId))];
      const docs = new Map((await m.orders.find({ _id: op({ $in: ids }) }).lean<OrderDoc[]>()).map((d) => [d._id, d]));
      const changed = new Set<string>();
      for (const l of lines) {
        const dateMs = Date.parse(l.date);
        let doc = docs.get(l.orderId);
        let moved = false;
        if (!doc) {
          doc = { _id: l.orderId, customerId: l.customerId, externalCustomerId: l.externalCustomerId ?? null, date: new Date(dateMs).toISOString(),
            dateMs, status: defaults.status, trackingUrl: null, lines: [], total: 0 };
          docs.set(l.orderId, doc);
        } else if (doc.customerId !== l.customerId || doc.dateMs !== dateMs) {
          Object.assign(doc, { customerId: l.customerId, externalCustomerId: l.externalCustomerId ?? null, date: new Date(dateMs).toISOString(), dateMs });
          moved = true;
          changed.add(l.orderId);
        }
        const key = productKey(l.productId);
        const quantity = l.quantity ?? null;
        const old = doc.lines.find((x) => x.productId === key);
        if (!old) (doc.lines.push({ productId: key, quantity, amount: l.amount }), counts.inserted++, changed.add(l.orderId));
        else if (old.quantity !== quantity || old.amount !== l.amount) {
          Object.assign(old, { quantity, amount: l.amount });
          counts.updated++;
          changed.add(l.orderId);
        } else if (moved) counts.updated++;
        else counts.unchanged++;
      }
      const writes = [...changed].map((id) => {
        const doc = docs.get(id)!;
        doc.total = roundMoney(doc.lines.reduce((s, x) => s + x.amount, 0));
        return replace(doc);
      });
      if (writes.length > 0) await m.orders.bulkWrite(writes, { ordered: false });
      return counts;
    },
    async get(orderId) {
      const d = await m.orders.findById(orderId).lean<OrderDoc>();
      return d ? toOrder(d) : null;
    },
    async listByCustomer(customerId, page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeOrderCursor(page.cursor);
      const filter: Record<string, unknown> = { customerId };
      if (after) filter.$or = [{ dateMs: op({ $lt: after.dateMs }) }, { dateMs: after.dateMs, _id: op({ $lt: after.orderId }) }];
      const docs = await m.orders.find(filter).sort({ dateMs: -1, _id: -1 }).limit(limit + 1).lean<OrderDoc[]>();
      const kept = docs.slice(0, limit);
      const last = kept[kept.length - 1];
      return { items: kept.map(toOrder), nextCursor: docs.length > limit && last ? encodeOrderCursor(last.dateMs, last._id) : null };
    },
    async *scanLines(opts = {}) {
      const before = beforeMs(opts.before);
      const limit = scanBatch(opts.batchSize);
      let after: { ms: number; id: string } | null = null;
      for (;;) {
        const filter: Record<string, unknown> = { dateMs: op({ $lt: before }), status: op({ $nin: [...VOID_ORDER_STATUSES] }) };
        if (after) filter.$or = [{ dateMs: op({ $gt: after.ms }) }, { dateMs: after.ms, _id: op({ $gt: after.id }) }];
        const docs: OrderDoc[] = await m.orders.find(filter).sort({ dateMs: 1, _id: 1 }).limit(limit).lean<OrderDoc[]>();
        if (docs.length === 0) return;
        const last = docs[docs.length - 1]!;
        after = { ms: last.dateMs, id: last._id };
        yield docs.flatMap((d) => toOrder(d).lines.map((l): ScannedLine => ({ customerId: d.customerId, orderId: d._id, date: d.date, ...l })));
        if (docs.length < limit) return;
      }
    },
    async upsertProducts(products) {
      const counts = emptyCounts();
      const old = new Map((await m.products.find({ _id: op({ $in: products.map((p) => p.productId) }) }).lean<ProductDoc[]>()).map((d) => [d._id, toProduct(d)]));
      const writes: AnyBulkWriteOperation<ProductDoc>[] = [];
      for (const p of products) {
        const was = old.get(p.productId);
        if (was && sameProduct(was, p)) {
          counts.unchanged++;
          continue;
        }
        if (was) counts.updated++;
        else counts.inserted++;
        old.set(p.productId, p);
        const doc: ProductDoc = { _id: p.productId, name: p.name, category: p.category ?? null, price: p.price ?? null };
        writes.push({ replaceOne: { filter: { _id: p.productId }, replacement: doc, upsert: true } });
      }
      if (writes.length > 0) await m.products.bulkWrite(writes, { ordered: true });
      return counts;
    },
    async getProduct(productId) {
      const d = await m.products.findById(productId).lean<ProductDoc>();
      return d ? toProduct(d) : null;
    },
    async listProducts(page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeKeyCursor(page.cursor);
      const docs = await m.products.find(after === null ? {} : { _id: op({ $gt: after }) }).sort({ _id: 1 }).limit(limit + 1).lean<ProductDoc[]>();
      const kept = docs.slice(0, limit);
      const last = kept[kept.length - 1];
      return { items: kept.map(toProduct), nextCursor: docs.length > limit && last ? encodeKeyCursor(last._id) : null };
    },
    async count() {
      const [orders, lineAgg, products] = await Promise.all([
        m.orders.countDocuments({}),
        m.orders.aggregate<{ n: number }>([{ $group: { _id: null, n: { $sum: { $size: '$lines' } } } }]),
        m.products.countDocuments({}),
      ]);
      return { orders, lines: lineAgg[0]?.n ?? 0, products };
    },
    async eraseCustomer(customerId) {
      await eraseCustomerData(m, customerId, ['orders']);
    },
  };
}
