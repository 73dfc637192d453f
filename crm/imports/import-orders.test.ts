import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { businessExternalId, createFieldCipher, fixedClock, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { createCrm } from '../service.js';

const NOW = new Date('2026-12-01T12:00:00Z');
let dir: string;
let stores: Stores;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-crm-'));
  stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('test-key-test-key-test-key-test-key-0123') });
});
afterAll(async () => {
  await stores.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const src = (text: string) => Readable.from([Buffer.from(text)]);
const crm = () => createCrm({ stores, clock: fixedClock(NOW) });

describe('orders CSV import', () => {
  it('imports lines, keeps returns, reports every bad row by line and changes nothing on a second import', async () => {
    const csv = [
      'orderId,customerId,date,productId,quantity,amount,channel', // unknown column
      'A1,shop-1,2026-03-01,p1,2,20.00,web',
      'A1,shop-1,2026-03-01,p2,,5.5,web',
      'A2,shop-2,2026-04-02T10:00:00Z,,1,12,web', // no product: the order's one product-less line
      'A3,shop-1,2026-05-01,p1,-1,-10,web', // a return line: kept
      'A4,shop-2,2026-05-01,p1,1,0,web', // zero amount
      'A5,shop-2,not-a-date,p1,1,3,web',
      'A6,shop-2,2027-06-01,p1,1,3,web', // future
      'A7,,2026-05-01,p1,1,3,web', // no customer
      'A8,shop-3,2026-05-01,p1,1,3', // too few cells
      'A9,shop-3,2026-05-01,p1,one,3,web',
      'A10,shop-3,2026-05-01,p1,2,-4,web', // opposite signs
      'A11,shop-3,2026-05-01,p1,1,"12,50",web',
      '',
    ].join('\n');
    const first = await crm().importOrders(src(csv));
    expect(first).toMatchObject({ kind: 'orders', rows: 12, imported: 4, updated: 0, duplicates: 0, returns: 1, customersCreated: 2, errorCount: 8 });
    expect(first.unknownColumns).toEqual(['channel']);
    expect(first.errors.map((e) => e.line)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(first.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^amount: is 0/),
      expect.stringMatching(/^date: /),
      expect.stringMatching(/^date: 2027-06-01 is in the future/),
      'customerId: is required',
      'has 6 cells, the header has 7',
      'quantity: Not a number',
      expect.stringMatching(/opposite signs/),
      'amount: Not a number',
    ]);
    const shop1 = await stores.customers.findByExternalId(businessExternalId('shop-1'));
    const a1 = await stores.orders.get('A1');
    expect(a1).toMatchObject({ customerId: shop1?.id, externalCustomerId: 'shop-1', status: 'delivered', total: 25.5, date: '2026-03-01T00:00:00.000Z' });
    expect(a1?.lines).toEqual([{ productId: 'p1', quantity: 2, amount: 20 }, { productId: 'p2', amount: 5.5 }]);
    expect((await stores.orders.get('A3'))?.lines).toEqual([{ productId: 'p1', quantity: -1, amount: -10 }]);
    const counts = await stores.orders.count();
    const customers = await stores.customers.count();

    const again = await crm().importOrders(src(csv));
    expect(again).toMatchObject({ imported: 0, duplicates: 4, customersCreated: 0, errorCount: 8 });
    expect(await stores.orders.count()).toEqual(counts);
    expect(await stores.customers.count()).toBe(customers);
    expect((await crm().lastImports()).orders).toEqual(again);
  });

  it('puts the orders of a signed-in widget user on that same profile', async () => {
    // What widget/server/identify.ts stores for identity { userId: 'u-77' }.
    const chatting = await stores.customers.create({ externalId: businessExternalId('u-77'), name: 'Chat User' });
    const report = await crm().importOrders(src('orderId,customerId,date,productId,quantity,amount\nW1,u-77,2026-06-01,p9,1,30\n'));
    expect(report).toMatchObject({ imported: 1, customersCreated: 0 });
    expect((await stores.orders.listByCustomer(chatting.id)).items.map((o) => o.orderId)).toEqual(['W1']);
    expect((await crm().findCustomers('u-77')).map((c) => c.id)).toEqual([chatting.id]);
    expect((await crm().findCustomers('identity:u-77')).map((c) => c.id)).toEqual([chatting.id]);
    expect(await crm().customerAggregate(chatting.id)).toEqual({ count: 1, total: 30, firstMs: Date.parse('2026-06-01'), lastMs: Date.parse('2026-06-01') });
  });

  it('reports a header without the required columns, and an empty file, without importing anything', async () => {
    const bad = await crm().importOrders(src('order,customer,amount\n1,2,3\n'));
    expect(bad).toMatchObject({ imported: 0, errorCount: 1, errors: [{ line: 1, message: expect.stringMatching(/missing column\(s\) orderId, customerId, date/) }] });
    expect((await crm().importOrders(src(''))).errors).toEqual([{ line: 1, message: 'the file is empty (no header row)' }]);
  });

  it('streams in batches with progress, and keeps the rows before a quote that never closes', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `S${i},shop-s${i % 7},2026-01-${String((i % 28) + 1).padStart(2, '0')},p${i % 3},1,${i + 1}`);
    const text = `orderId,customerId,date,productId,quantity,amount\n${lines.join('\n')}\nS99,shop-s1,2026-02-01,"p1,1,5\nS100,shop-s1,2026-02-01,p1,1,5\n`;
    const chunks = text.match(/[\s\S]{1,64}/g) ?? [];
    const progress: number[] = [];
    const report = await crm().importOrders(Readable.from(chunks.map((c) => Buffer.from(c))), {
      batchSize: 10,
      sizeBytes: Buffer.byteLength(text),
      onProgress: (f) => progress.push(f),
    });
    expect(report.rows).toBe(50);
    expect(report.imported).toBe(50);
    expect(report.errors).toEqual([{ line: expect.any(Number), message: expect.stringMatching(/Quote Not Closed/) }]);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.every((f) => f > 0 && f <= 1)).toBe(true);
  });

  it('computes per-customer aggregates from the stored lines, as of a date', async () => {
    const aggs = await crm().orderAggregates('2026-05-01');
    const shop1 = (await stores.customers.findByExternalId(businessExternalId('shop-1')))!;
    // A1 (25.5, March) counts; the return A3 of 2026-05-01 is not before the date.
    expect(aggs.get(shop1.id)).toEqual({ count: 1, total: 25.5, firstMs: Date.parse('2026-03-01'), lastMs: Date.parse('2026-03-01') });
    const all = await crm().orderAggregates();
    expect(all.get(shop1.id)).toMatchObject({ count: 1, total: 15.5 });
  });
});

describe('products CSV import', () => {
  it('upserts by productId, reports bad rows and unknown columns, and is idempotent', async () => {
    const csv = 'productId,name,category,price,colour\nP1,Mug,kitchen,4.5,red\nP2,Plate,,,\nP3,,kitchen,1,\nP4,Bowl,,-2,\nP1,Mug XL,kitchen,5,red\n';
    const first = await crm().importProducts(src(csv));
    expect(first).toMatchObject({ kind: 'products', rows: 5, imported: 2, errorCount: 2, unknownColumns: ['colour'] });
    expect(first.errors).toEqual([{ line: 4, message: 'name: is required' }, { line: 5, message: 'price: must not be negative' }]);
    expect(await stores.orders.getProduct('P1')).toEqual({ productId: 'P1', name: 'Mug XL', category: 'kitchen', price: 5 });
    expect(await stores.orders.getProduct('P2')).toEqual({ productId: 'P2', name: 'Plate' });
    expect(await crm().importProducts(src(csv))).toMatchObject({ imported: 0, duplicates: 2 });
  });
});
