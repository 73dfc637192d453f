import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { seedInsights } from '../../bot/test-support/insights.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { loadQueue } from './queue.js';

let h: AdminHarness;
let admin: { auth: string };
beforeEach(async () => {
  h = await openAdminHarness();
  admin = await h.staff('admin');
});
afterEach(async () => h.close());

async function waiting(name: string): Promise<string> {
  const customer = await h.stores.customers.create({ externalId: `identity:${name}`, name });
  await h.dialogue.escalate(customer.id, 'widget');
  await new Promise((r) => setTimeout(r, 5)); // distinct waitingSince
  return customer.id;
}

describe('agent queue priority', () => {
  it('puts high-value and at-risk customers first, each marked with why; the rest by longest wait', async () => {
    const early = await waiting('Early');
    const rich = await waiting('Rich');
    const leaving = await waiting('Leaving');
    const late = await waiting('Late');
    const others = await Promise.all(Array.from({ length: 16 }, async (_, i) => (await h.stores.customers.create({ name: `x${i}` })).id));
    await seedInsights(h.stores, [
      { customerId: early, expectedRevenue: 20, churnRisk: 0.1 },
      { customerId: rich, expectedRevenue: 900, churnRisk: 0.1 },
      { customerId: leaving, expectedRevenue: 30, churnRisk: 0.85 },
      { customerId: late, expectedRevenue: 25, churnRisk: 0.2 },
      ...others.map((customerId, i) => ({ customerId, expectedRevenue: 10 + i, churnRisk: 0.1 })),
    ]);
    const queue = await loadQueue(h.stores);
    expect(queue.map((c) => [c.customer.name, c.priority?.reasons ?? []])).toEqual([
      ['Rich', ['high_value']],
      ['Leaving', ['at_risk']],
      ['Early', []],
      ['Late', []],
    ]);
  });

  it('keeps the thresholds as a validated setting (admin only)', async () => {
    const url = '/api/settings/customer-priority';
    expect((await request(h.app).get(url).set('Authorization', admin.auth).expect(200)).body).toMatchObject({ enabled: true, highValueTopShare: 0.1, churnRiskAtLeast: 0.7, escalateAfterFallbacks: 1 });
    const saved = await request(h.app).put(url).set('Authorization', admin.auth).send({ highValueTopShare: 0.2, churnRiskAtLeast: 0.6, retentionOffer: 'Stay with us, {{customer.firstName|friend}}: 20% off your next 3 months.' }).expect(200);
    expect(saved.body).toMatchObject({ highValueTopShare: 0.2, churnRiskAtLeast: 0.6, cancelIntents: ['cancel_subscription'] });
    expect((await request(h.app).get(url).set('Authorization', admin.auth)).body.churnRiskAtLeast).toBe(0.6);
    for (const bad of [{ churnRiskAtLeast: 1.5 }, { highValueTopShare: 0 }, { escalateAfterFallbacks: 0 }, { unknown: true }]) {
      expect((await request(h.app).put(url).set('Authorization', admin.auth).send(bad)).body.error.code).toBe('ERR_VALIDATION');
    }
    const agent = await h.staff('agent');
    expect((await request(h.app).get(url).set('Authorization', agent.auth)).status).toBe(403);
  });
});
