import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFieldCipher, fixedClock, type Stores } from '../core/index.js';
import { openEmbeddedStores } from '../stores/index.js';
import { createCrm } from './service.js';
import { createRecommender, type RecommenderService } from './recommendations-service.js';
import { createCrmModels, type CrmRunProgress } from './models-service.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-recs-'));
let stores: Stores;
let recs: RecommenderService;
const clock = fixedClock(new Date('2026-03-01T00:00:00.000Z'));
const date = (d: number) => `2026-01-${String(d).padStart(2, '0')}`;

// Tea drinkers buy t1..t3, coffee drinkers c1..c3, on two different days.
beforeAll(async () => {
  stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('k'.repeat(40)) });
  await stores.orders.upsertProducts(['t1', 't2', 't3', 'c1', 'c2', 'c3'].map((productId) => ({ productId, name: `Product ${productId.toUpperCase()}` })));
  const lines = [];
  for (let i = 0; i < 40; i++) {
    const k = i % 2 ? 't' : 'c';
    const customer = (await stores.customers.create({})).id;
    lines.push({ orderId: `a${i}`, customerId: customer, date: date(1), productId: `${k}1`, amount: 4 }, { orderId: `a${i}`, customerId: customer, date: date(1), productId: `${k}2`, amount: 4 });
    lines.push({ orderId: `b${i}`, customerId: customer, date: date(2 + (i % 5)), productId: `${k}3`, amount: 4 }, { orderId: `b${i}`, customerId: customer, date: date(2 + (i % 5)), productId: `${k}1`, amount: 4 });
  }
  await stores.orders.upsertLines(lines, { status: 'delivered' });
  recs = createRecommender({ stores, clock });
});
afterAll(async () => {
  await stores?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('recommendations service', () => {
  it('is computed in the analytics run and served with names and reasons', async () => {
    const phases = new Set<CrmRunProgress['phase']>();
    await createCrmModels({ stores, clock, recommender: recs }).run({ asOf: new Date('2026-02-01'), onProgress: (p) => phases.add(p.phase) });
    expect(phases.has('recommendations')).toBe(true);
    const crm = createCrm({ stores, clock, onCustomersChanged: (ids) => recs.refresh(ids) });
    const { order } = await crm.upsertOrder('n1', { customerId: 'shop-9', date: '2026-02-10T00:00:00.000Z', lines: [{ productId: 't1', amount: 5 }] });
    // Recomputed at once from the new order: tea, with its reason in words.
    const fresh = await recs.forCustomer(order.customerId, { onlyNew: true, limit: 2 });
    expect(fresh.map((r) => r.productId).sort()).toEqual(['t2', 't3']);
    expect(fresh[0]).toMatchObject({ name: expect.stringMatching(/^Product T/), reason: 'bought together with Product T1' });
    expect((await recs.forCustomer(order.customerId, { limit: 1 }))[0]).toMatchObject({ productId: 't1', reason: 'you bought it before' });

    // Returned: gone from both lists at once.
    await crm.upsertOrder('n2', { customerId: 'shop-9', date: '2026-02-11T00:00:00.000Z', lines: [{ productId: 't2', amount: 5 }] });
    await crm.upsertOrder('n2', { customerId: 'shop-9', date: '2026-02-11T00:00:00.000Z', status: 'returned', lines: [{ productId: 't2', amount: 5 }] });
    for (const onlyNew of [false, true]) expect((await recs.forCustomer(order.customerId, { onlyNew, limit: 6 })).map((r) => r.productId)).not.toContain('t2');
  });

  it('gives a customer without purchases what most customers buy, and nothing before any run', async () => {
    const stranger = (await stores.customers.create({})).id;
    const list = await recs.forCustomer(stranger, { limit: 3 });
    expect(list).toHaveLength(3);
    expect(list.every((r) => r.reason === 'popular with other customers')).toBe(true);
    expect(await createRecommender({ stores, clock }).forCustomer('nobody')).toEqual([]);
  });
});
