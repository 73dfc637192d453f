import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { businessExternalId, createFieldCipher, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { createAnalytics, createAnalyticsCustomerRecords } from '../../analytics/index.js';
import { addTurns } from '../../analytics/testing/store-fixtures.js';
import { CUSTOMER_DATA_PARTS, createCustomerData } from './customer-data.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-data-'));
let stores: Stores;
afterAll(async () => {
  await stores?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const NS = 'channel.refs';
const AS_OF = '2026-11-01T00:00:00.000Z';

/** One customer with something in every part, and a neighbour whose data must survive. */
async function customerEverywhere(s: Stores, externalId: string, text: string): Promise<string> {
  const c = await s.customers.create({ externalId: businessExternalId(externalId), name: `Name of ${externalId}` });
  const conv = await s.conversations.create({ customerId: c.id, channel: 'widget' });
  await addTurns(s, c.id, conv.id, [{ decision: 'intent', text, at: Date.parse('2026-10-01') }]);
  await s.orders.upsert({ orderId: `o-${externalId}`, customerId: c.id, date: '2026-10-02T00:00:00.000Z', status: 'delivered', lines: [{ productId: 'p1', amount: 12 }] });
  await s.kv.put(NS, c.id, { serviceUrl: `https://example.test/${externalId}` });
  return c.id;
}

describe('customer data (export and erase across every store)', () => {
  it('exports every part, then erase removes exactly those parts and nothing of another customer', async () => {
    stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('k'.repeat(40)) });
    const data = createCustomerData({ stores, channelNamespaces: [NS], analytics: createAnalyticsCustomerRecords(stores) });
    const ann = await customerEverywhere(stores, 'ann', 'where is my parcel, ann here');
    const bob = await customerEverywhere(stores, 'bob', 'bob asks about refunds');
    const run = await stores.insights.begin(AS_OF);
    const insight = (customerId: string) => ({ customerId, asOf: AS_OF, orders: 1, revenue: 12, lastOrderAt: AS_OF, rfm: null, segment: null, churn: null, clv: null });
    await stores.insights.put(run, [insight(ann), insight(bob)]);
    await stores.insights.commit(run, {
      asOf: AS_OF, computedAt: AS_OF, durationMs: 1, customers: 2, customersWithOrders: 2, notes: [],
      churn: { ready: false, horizonDays: null, auc: null, atRisk: 0, distribution: [], topAtRisk: [] },
      clv: { ready: false, model: 'none', parameters: {}, totalExpectedRevenue: 0, distribution: [] },
      segments: [], calibration: null,
    });

    const recs = (customerId: string) => ({ customerId, runId: 'r1', computedAt: AS_OF, any: [{ productId: 'p1', score: 1, reason: 'bought-before' as const }], fresh: [] });
    await stores.recommendations.put([recs(ann), recs(bob)]);

    // Analytics' own per-customer records: state shard, recent-conversation signatures, an imported churn label.
    const analytics = createAnalytics({ stores });
    await analytics.importChurnLabels(`customerId\n${ann}\n${bob}\n`);
    await analytics.run({ full: true });
    const analyticsNamespaces = ['analytics.customers', 'analytics.meta', 'analytics.labels', 'analytics.models'];
    const analyticsText = async () => {
      const docs: unknown[] = [];
      for (const ns of analyticsNamespaces) for (const key of await stores.kv.keys(ns)) docs.push(await stores.kv.get(ns, key));
      return JSON.stringify(docs);
    };
    const annConv = (await stores.conversations.list({ customerId: ann })).items[0]!.id;
    expect([(await analyticsText()).includes(ann), (await analyticsText()).includes(annConv)]).toEqual([true, true]);

    const exported = await data.exportCustomer(ann);
    for (const part of CUSTOMER_DATA_PARTS) {
      const value = exported[part];
      expect([part, Array.isArray(value) ? value.length > 0 : value !== null && Object.keys(value as object).length > 0]).toEqual([part, true]);
    }
    expect(JSON.stringify(exported)).toContain('where is my parcel, ann here');
    expect(exported.analytics).toEqual(expect.objectContaining({ state: expect.any(Object), churnLabel: true, recentConversations: { [annConv]: expect.any(Array) } }));

    await data.eraseCustomer(ann);
    await expect(data.exportCustomer(ann)).rejects.toMatchObject({ code: 'ERR_CUSTOMER_NOT_FOUND' });
    expect(await stores.customers.get(ann)).toBeNull();
    expect((await stores.conversations.list({ customerId: ann })).items).toEqual([]);
    expect((await stores.interactions.list({ customerId: ann })).items).toEqual([]);
    expect((await stores.orders.listByCustomer(ann)).items).toEqual([]);
    expect(await stores.insights.get(ann)).toBeNull();
    expect(await stores.recommendations.get(ann)).toBeNull();
    expect(await stores.kv.get(NS, ann)).toBeNull();
    // Searched, not trusted: no analytics document still names the customer or one of their conversations.
    expect([(await analyticsText()).includes(ann), (await analyticsText()).includes(annConv)]).toEqual([false, false]);
    expect(await analyticsText()).toContain(bob);

    const kept = await data.exportCustomer(bob);
    expect(kept.analytics).toEqual(expect.objectContaining({ state: expect.any(Object), churnLabel: true }));
    expect([kept.orders, kept.insights, kept.recommendations, kept.channelReferences]).toEqual([
      [expect.objectContaining({ orderId: 'o-bob' })],
      expect.objectContaining({ customerId: bob }),
      recs(bob),
      { [NS]: { serviceUrl: 'https://example.test/bob' } },
    ]);
    await expect(data.eraseCustomer(ann)).rejects.toMatchObject({ code: 'ERR_CUSTOMER_NOT_FOUND' });
  });
});
