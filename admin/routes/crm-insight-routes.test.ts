import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { seedShop } from '../test-support/seed-shop.js';

let h: AdminHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function waitForJob(app: AdminHarness['app'], auth: string, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await request(app).get(`/api/jobs/${jobId}`).set('Authorization', auth)).body as { state: string; error?: string };
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('job did not finish');
}

describe('CRM insight routes', () => {
  it('runs the models as of a date as a job, then serves the summary, the profile insights and the customers CSV', async () => {
    h = await openAdminHarness();
    const admin = await h.staff('admin');
    const customerId = (await seedShop(h.stores))[0]!;
    const asOf = '2026-08-01T00:00:00.000Z';
    const started = await request(h.app).post('/api/analytics/run').set('Authorization', admin.auth).send({ asOf }).expect(202);
    expect(await waitForJob(h.app, admin.auth, started.body.jobId)).toMatchObject({ state: 'done' });

    const { summary } = (await request(h.app).get('/api/analytics/crm').set('Authorization', admin.auth).expect(200)).body;
    expect([summary.asOf, summary.customersWithOrders, summary.clv.ready]).toEqual([asOf, 60, true]);

    const profile = (await request(h.app).get(`/api/customers/${customerId}`).set('Authorization', admin.auth).expect(200)).body;
    expect(profile.insights).toMatchObject({ customerId, asOf });
    expect(Date.parse(profile.insights.lastOrderAt)).toBeLessThan(Date.parse(asOf));

    const csv = await request(h.app).get('/api/analytics/customers.csv').set('Authorization', admin.auth).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.text.trim().split('\n');
    expect(rows[0]).toBe('externalId,customerId,asOf,orders,revenue,rfmScore,segment,churnRisk,pAlive,expectedOrders,expectedRevenue');
    expect(rows).toHaveLength(61);
    expect(rows.find((r) => r.includes(customerId))).toMatch(new RegExp(`^shop-0,${customerId},${asOf},`));
  }, 60_000);

  it('refuses bad dates, unknown fields and non-admins', async () => {
    h = await openAdminHarness();
    const admin = await h.staff('admin');
    const agent = await h.staff('agent');
    const bad = await request(h.app).post('/api/analytics/run').set('Authorization', admin.auth).send({ asOf: 'last tuesday' });
    expect([bad.status, bad.body.error.code, bad.body.error.details.issues[0].path]).toEqual([400, 'ERR_VALIDATION', 'asOf']);
    const extra = await request(h.app).post('/api/analytics/run').set('Authorization', admin.auth).send({ asOf: '2026-01-01', full: true });
    expect([extra.status, extra.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect((await request(h.app).post('/api/analytics/run').set('Authorization', agent.auth).send({})).status).toBe(403);
    expect((await request(h.app).get('/api/analytics/customers.csv')).status).toBe(401);
    expect((await request(h.app).get('/api/analytics/crm').set('Authorization', admin.auth)).body).toEqual({ summary: null });
  });
});
