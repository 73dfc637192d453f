import { describe, expect, it } from '@jest/globals';
import { newToken, type ImportLine, type NewOrder, type ScannedLine, type Stores } from '../../core/index.js';
import { errorCode, useStores, walkPages, type StoresFactory } from './harness.js';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString();

async function scanAll(s: Stores, opts?: { before?: string; batchSize?: number }): Promise<{ lines: ScannedLine[]; batches: number }> {
  const lines: ScannedLine[] = [];
  let batches = 0;
  for await (const batch of s.orders.scanLines(opts)) (lines.push(...batch), batches++);
  return { lines, batches };
}

export function describeOrderStore(make: StoresFactory): void {
  describe('OrderStore', () => {
    const stores = useStores(make);

    it('upserts an order with its lines idempotently and replaces the lines on change', async () => {
      const s = stores();
      const orderId = `o-${newToken(6)}`;
      const order: NewOrder = {
        orderId, customerId: 'c1', externalCustomerId: 'shop-1', date: '2026-03-01', status: 'paid',
        lines: [{ productId: 'p2', quantity: 2, amount: 10.5 }, { productId: 'p1', amount: 4.25 }],
      };
      const first = await s.orders.upsert(order);
      expect(first.outcome).toBe('inserted');
      expect(first.order).toMatchObject({ date: '2026-03-01T00:00:00.000Z', total: 14.75, status: 'paid' });
      expect(first.order.lines.map((l) => l.productId)).toEqual(['p1', 'p2']);
      expect(await s.orders.get(orderId)).toEqual(first.order);
      expect((await s.orders.upsert(order)).outcome).toBe('unchanged');
      const shipped = await s.orders.upsert({ ...order, status: 'shipped', trackingUrl: 'https://track.example/1', lines: [{ productId: 'p2', quantity: 1, amount: 5 }] });
      expect(shipped.outcome).toBe('updated');
      expect(await s.orders.get(orderId)).toEqual(shipped.order);
      expect(shipped.order).toMatchObject({ total: 5, trackingUrl: 'https://track.example/1', lines: [{ productId: 'p2', quantity: 1, amount: 5 }] });
      expect(await s.orders.get('no-such-order')).toBeNull();
      expect(await errorCode(s.orders.upsert({ ...order, lines: [{ productId: 'x', amount: 1 }, { productId: 'x', amount: 2 }] }))).toBe('ERR_VALIDATION');
    });

    it('imports line batches by (orderId, productId), counting new, changed and unchanged lines', async () => {
      const s = stores();
      const o = `b-${newToken(6)}`;
      const lines: ImportLine[] = [
        { orderId: o, customerId: 'c2', date: day(3), productId: 'a', quantity: 1, amount: 3 },
        { orderId: o, customerId: 'c2', date: day(3), productId: 'b', amount: 7 },
        { orderId: `${o}-2`, customerId: 'c2', date: day(4), amount: -2 },
      ];
      expect(await s.orders.upsertLines(lines, { status: 'delivered' })).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
      expect(await s.orders.upsertLines(lines, { status: 'delivered' })).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
      // A corrected export: one line changed, one new line in a later batch; the other line of the order stays.
      expect(await s.orders.upsertLines([{ ...lines[0]!, amount: 4 }, { ...lines[0]!, productId: 'c', amount: 1 }], { status: 'delivered' }))
        .toEqual({ inserted: 1, updated: 1, unchanged: 0 });
      const got = await s.orders.get(o);
      expect(got).toMatchObject({ status: 'delivered', total: 12, customerId: 'c2' });
      expect(got?.lines).toEqual([{ productId: 'a', quantity: 1, amount: 4 }, { productId: 'b', amount: 7 }, { productId: 'c', quantity: 1, amount: 1 }]);
      expect((await s.orders.get(`${o}-2`))?.lines).toEqual([{ amount: -2 }]);
    });

    it('lists a customer\'s orders newest first with cursor paging', async () => {
      const s = stores();
      const customerId = `c-${newToken(6)}`;
      for (let i = 0; i < 7; i++) {
        await s.orders.upsert({ orderId: `${customerId}-${i}`, customerId, date: day(i % 5), status: 'placed', lines: [{ amount: i + 1 }] });
      }
      await s.orders.upsert({ orderId: `${customerId}-other`, customerId: 'someone-else', date: day(9), status: 'placed', lines: [{ amount: 1 }] });
      const pages = await walkPages((p) => s.orders.listByCustomer(customerId, p), 3);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      const dates = pages.flat().map((o) => o.date);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(new Set(pages.flat().map((o) => o.orderId)).size).toBe(7);
      expect(await errorCode(s.orders.listByCustomer(customerId, { cursor: 'garbage!' }))).toBe('ERR_VALIDATION');
    });

    it('scans every standing line oldest first in batches, before a date, skipping cancelled and returned orders', async () => {
      const s = await make();
      try {
        for (let i = 0; i < 30; i++) {
          await s.orders.upsert({ orderId: `s${String(i).padStart(2, '0')}`, customerId: `c${i % 4}`, date: day(29 - i), status: 'delivered',
            lines: [{ productId: 'p', quantity: 1, amount: i }, { amount: 1 }] });
        }
        await s.orders.upsert({ orderId: 'cancelled', customerId: 'c1', date: day(1), status: 'cancelled', lines: [{ amount: 99 }] });
        await s.orders.upsert({ orderId: 'returned', customerId: 'c1', date: day(1), status: 'returned', lines: [{ amount: 99 }] });
        const { lines, batches } = await scanAll(s, { batchSize: 4 });
        expect(lines).toHaveLength(60);
        expect(batches).toBeGreaterThanOrEqual(8);
        expect(lines.map((l) => l.date)).toEqual([...lines.map((l) => l.date)].sort());
        expect(lines[0]).toEqual({ customerId: 'c1', orderId: 's29', date: day(0), amount: 1 });
        expect(lines[1]).toEqual({ customerId: 'c1', orderId: 's29', date: day(0), productId: 'p', quantity: 1, amount: 29 });
        const early = await scanAll(s, { before: day(10) });
        expect(early.lines).toHaveLength(20);
        expect(early.lines.every((l) => l.date < day(10))).toBe(true);
        expect(await s.orders.count()).toEqual({ orders: 32, lines: 62, products: 0 });
      } finally {
        await s.close();
      }
    });

    it('upserts, pages and counts products', async () => {
      const s = await make();
      try {
        const products = Array.from({ length: 5 }, (_, i) => ({ productId: `P/${i}`, name: `Product ${i}`, ...(i % 2 ? { category: 'mugs', price: i } : {}) }));
        expect(await s.orders.upsertProducts(products)).toEqual({ inserted: 5, updated: 0, unchanged: 0 });
        expect(await s.orders.upsertProducts([...products.slice(0, 4), { ...products[4]!, name: 'Renamed' }])).toEqual({ inserted: 0, updated: 1, unchanged: 4 });
        expect(await s.orders.getProduct('P/1')).toEqual({ productId: 'P/1', name: 'Product 1', category: 'mugs', price: 1 });
        expect(await s.orders.getProduct('P/0')).toEqual({ productId: 'P/0', name: 'Product 0' });
        const pages = await walkPages((p) => s.orders.listProducts(p), 2);
        expect(pages.flat().map((p) => p.productId)).toEqual(['P/0', 'P/1', 'P/2', 'P/3', 'P/4']);
        expect((await s.orders.count()).products).toBe(5);
      } finally {
        await s.close();
      }
    });

    it('erases one customer\'s orders and lines, also through CustomerStore.erase', async () => {
      const s = stores();
      const gone = await s.customers.create({ externalId: `identity:${newToken(6)}` });
      const kept = await s.customers.create({});
      const gone2 = await s.customers.create({});
      for (const [c, n] of [[gone.id, 'g'], [kept.id, 'k'], [gone2.id, 'h']] as const) {
        await s.orders.upsertLines([{ orderId: `${c}-${n}`, customerId: c, date: day(1), productId: 'x', amount: 5 }], { status: 'delivered' });
      }
      await s.orders.eraseCustomer(gone.id);
      await s.customers.erase(gone2.id);
      expect((await s.orders.listByCustomer(gone.id)).items).toEqual([]);
      expect(await s.orders.get(`${gone.id}-g`)).toBeNull();
      expect(await s.orders.get(`${gone2.id}-h`)).toBeNull();
      expect((await s.orders.listByCustomer(kept.id)).items).toHaveLength(1);
      const scanned = (await scanAll(s)).lines.map((l) => l.customerId);
      expect(scanned).not.toContain(gone.id);
      expect(scanned).not.toContain(gone2.id);
    });
  });
}
