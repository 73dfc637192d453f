import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { seedShop } from '../test-support/seed-shop.js';

let h: AdminHarness;
let agent: { auth: string };
let ids: string[];
beforeAll(async () => {
  h = await openAdminHarness();
  agent = await h.staff('agent');
  ids = await seedShop(h.stores, 12);
  await h.stores.orders.upsertProducts([{ productId: 'p0', name: 'Blue mug' }]);
  await h.crmModels.run();
});
afterAll(async () => h.close());

describe('GET /api/customers/:id/recommendations', () => {
  it('serves agents the list best first, with reasons; new=true leaves out what the customer bought', async () => {
    const res = await request(h.app).get(`/api/customers/${ids[0]}/recommendations?limit=2`).set('Authorization', agent.auth).expect(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toEqual({ productId: expect.any(String), score: expect.any(Number), reason: expect.any(String), ...(res.body.items[0].productId === 'p0' ? { name: 'Blue mug' } : {}) });
    expect(res.body.items[0].score).toBeGreaterThanOrEqual(res.body.items[1].score);
    const bought = new Set((await h.stores.orders.listByCustomer(ids[0]!, { limit: 200 })).items.flatMap((o) => o.lines.map((l) => l.productId)));
    const fresh = await request(h.app).get(`/api/customers/${ids[0]}/recommendations?new=true`).set('Authorization', agent.auth).expect(200);
    for (const item of fresh.body.items) expect(bought.has(item.productId)).toBe(false);
  });

  it('answers with catalogue codes for bad queries, unknown customers and anonymous callers', async () => {
    const bad = await request(h.app).get(`/api/customers/${ids[0]}/recommendations?limit=0`).set('Authorization', agent.auth);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    const odd = await request(h.app).get(`/api/customers/${ids[0]}/recommendations?new=yes`).set('Authorization', agent.auth);
    expect(odd.status).toBe(400);
    const unknown = await request(h.app).get('/api/customers/nobody/recommendations').set('Authorization', agent.auth);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'ERR_CUSTOMER_NOT_FOUND']);
    expect((await request(h.app).get(`/api/customers/${ids[0]}/recommendations`)).status).toBe(401);
  });
});
