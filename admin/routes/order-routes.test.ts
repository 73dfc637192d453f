import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { businessExternalId } from '../../core/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';

const API_KEY = 'shop-integration-key-0123456789';
let h: AdminHarness;
let admin: { auth: string };
let agent: { auth: string };
beforeEach(async () => {
  h = await openAdminHarness({ integrationApiKey: API_KEY, importMaxBytes: 4096 });
  admin = await h.staff('admin');
  agent = await h.staff('agent');
});
afterEach(async () => h.close());

async function finished(jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = await request(h.app).get(`/api/jobs/${jobId}`).set('Authorization', admin.auth).expect(200);
    if (job.body.state === 'done' || job.body.state === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

const ORDERS = 'orderId,customerId,date,productId,quantity,amount\nR1,shop-9,2026-01-05,p1,2,20\nR1,shop-9,2026-01-05,p2,-1,-5\nR2,shop-9,2026-02-05,p1,1,0\n';

describe('POST /api/orders/import and /api/products/import', () => {
  it('answers 202 with a job whose result is the import report, and keeps it as the last import', async () => {
    const res = await request(h.app).post('/api/orders/import').set('Authorization', admin.auth).set('Content-Type', 'text/csv').send(ORDERS).expect(202);
    const job = await finished(res.body.jobId);
    expect(job).toMatchObject({ state: 'done', progress: 1, result: { imported: 2, duplicates: 0, returns: 1, errorCount: 1, errors: [{ line: 4, message: expect.stringMatching(/amount/) }] } });
    const again = await request(h.app).post('/api/orders/import').set('Authorization', admin.auth).set('Content-Type', 'text/csv').send(ORDERS).expect(202);
    expect((await finished(again.body.jobId)).result).toMatchObject({ imported: 0, duplicates: 2 });
    const products = await request(h.app).post('/api/products/import').set('Authorization', admin.auth).type('text/csv').send('productId,name,category,price\np1,Mug,,3\n').expect(202);
    expect((await finished(products.body.jobId)).result).toMatchObject({ kind: 'products', imported: 1 });
    const last = await request(h.app).get('/api/imports/last').set('Authorization', admin.auth).expect(200);
    expect(last.body).toMatchObject({ orders: { imported: 0, duplicates: 2 }, products: { imported: 1 } });
    const actions = (await h.stores.audit.list()).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['orders.import', 'orders.import.finished', 'products.import']));
  });

  it('refuses agents, anonymous callers, other content types and bodies over the limit', async () => {
    expect((await request(h.app).post('/api/orders/import').type('text/csv').send(ORDERS)).status).toBe(401);
    expect((await request(h.app).post('/api/orders/import').set('Authorization', agent.auth).type('text/csv').send(ORDERS)).status).toBe(403);
    const json = await request(h.app).post('/api/orders/import').set('Authorization', admin.auth).send({ csv: ORDERS });
    expect([json.status, json.body.error.code, json.body.error.details.issues[0].path]).toEqual([400, 'ERR_VALIDATION', '(body)']);
    const big = `${ORDERS}${'R3,shop-9,2026-01-05,p1,1,1\n'.repeat(200)}`;
    const tooBig = await request(h.app).post('/api/products/import').set('Authorization', admin.auth).type('text/csv').send(big);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'ERR_IMPORT_TOO_LARGE']);
  });

  it('counts a chunked body without Content-Length and answers 413 once it passes the limit', async () => {
    const server = http.createServer(h.app).listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ port, method: 'POST', path: '/api/orders/import', headers: { Authorization: admin.auth, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        for (let i = 0; i < 10; i++) req.write('R3,shop-9,2026-01-05,p1,1,1\n'.repeat(20));
        req.end();
      });
      expect(status.status).toBe(413);
      expect(JSON.parse(status.body).error.code).toBe('ERR_IMPORT_TOO_LARGE');
    } finally {
      server.close();
    }
  });
});

describe('PUT /api/orders/:orderId and GET /api/orders', () => {
  const body = { customerId: 'shop-42', date: '2026-11-30T10:00:00Z', lines: [{ productId: 'p1', quantity: 1, amount: 19.99 }] };

  it('upserts live orders with the shop key or an admin token, and lists a customer\'s orders for agents', async () => {
    const created = await request(h.app).put('/api/orders/L1').set('X-Api-Key', API_KEY).send(body).expect(201);
    expect(created.body).toMatchObject({ orderId: 'L1', status: 'placed', total: 19.99, outcome: 'inserted', externalCustomerId: 'shop-42' });
    const same = await request(h.app).put('/api/orders/L1').set('X-Api-Key', API_KEY).send(body).expect(200);
    expect(same.body.outcome).toBe('unchanged');
    const shipped = await request(h.app).put('/api/orders/L1').set('Authorization', admin.auth)
      .send({ ...body, status: 'shipped', trackingUrl: 'https://track.example/L1' }).expect(200);
    expect(shipped.body).toMatchObject({ outcome: 'updated', status: 'shipped', trackingUrl: 'https://track.example/L1' });
    await request(h.app).put('/api/orders/L2').set('X-Api-Key', API_KEY).send({ ...body, date: '2026-12-01T09:00:00Z' }).expect(201);

    const customer = await h.stores.customers.findByExternalId(businessExternalId('shop-42'));
    const lookup = await request(h.app).get('/api/customers?externalId=shop-42').set('Authorization', agent.auth).expect(200);
    expect(lookup.body).toEqual({ items: [expect.objectContaining({ id: customer?.id, businessCustomerId: 'shop-42' })], nextCursor: null });
    expect((await request(h.app).get('/api/customers?externalId=nobody').set('Authorization', agent.auth)).body).toEqual({ items: [], nextCursor: null });

    const page1 = await request(h.app).get(`/api/orders?customerId=${customer?.id}&limit=1`).set('Authorization', agent.auth).expect(200);
    expect(page1.body.items.map((o: { orderId: string }) => o.orderId)).toEqual(['L2']);
    const page2 = await request(h.app).get(`/api/orders?customerId=${customer?.id}&limit=1&cursor=${page1.body.nextCursor}`).set('Authorization', agent.auth).expect(200);
    expect(page2.body).toMatchObject({ items: [{ orderId: 'L1', status: 'shipped' }], nextCursor: null });
    // The business's id works too.
    expect((await request(h.app).get('/api/orders?customerId=shop-42').set('Authorization', agent.auth)).body.items).toHaveLength(2);
    const audit = (await h.stores.audit.list()).items.filter((e) => e.action === 'order.upsert');
    expect(audit).toHaveLength(3);
  });

  it('refuses bad bodies, bad keys, missing auth and unknown customers', async () => {
    const bad = await request(h.app).put('/api/orders/B1').set('X-Api-Key', API_KEY).send({ ...body, status: 'lost', lines: [] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['lines', 'status']);
    const zero = await request(h.app).put('/api/orders/B1').set('X-Api-Key', API_KEY).send({ ...body, lines: [{ amount: 0 }] });
    expect([zero.status, zero.body.error.details.issues[0].path]).toEqual([400, 'lines.0.amount']);
    const future = await request(h.app).put('/api/orders/B1').set('X-Api-Key', API_KEY).send({ ...body, date: '2099-01-01' });
    expect([future.status, future.body.error.details.issues[0].path]).toEqual([400, 'date']);
    expect((await request(h.app).put('/api/orders/B1').set('X-Api-Key', 'wrong-key-wrong-key').send(body)).status).toBe(401);
    expect((await request(h.app).put('/api/orders/B1').send(body)).status).toBe(401);
    expect((await request(h.app).put('/api/orders/B1').set('Authorization', agent.auth).send(body)).status).toBe(403);
    expect((await request(h.app).get('/api/orders?customerId=x')).status).toBe(401);
    const noCustomer = await request(h.app).get('/api/orders').set('Authorization', agent.auth);
    expect([noCustomer.status, noCustomer.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect((await request(h.app).get('/api/orders?customerId=ghost').set('Authorization', agent.auth)).body.error.code).toBe('ERR_CUSTOMER_NOT_FOUND');
    expect(await h.stores.orders.get('B1')).toBeNull();
  });

  it('exports and erases a customer\'s orders with the rest of their data', async () => {
    await request(h.app).put('/api/orders/E1').set('X-Api-Key', API_KEY).send({ ...body, customerId: 'shop-erase' }).expect(201);
    const customer = (await h.stores.customers.findByExternalId(businessExternalId('shop-erase')))!;
    const exported = await request(h.app).get(`/api/customers/${customer.id}/export`).set('Authorization', admin.auth).expect(200);
    expect(exported.body.orders).toEqual([expect.objectContaining({ orderId: 'E1', total: 19.99 })]);
    await request(h.app).delete(`/api/customers/${customer.id}`).set('Authorization', admin.auth).expect(204);
    expect(await h.stores.orders.get('E1')).toBeNull();
  });
});
