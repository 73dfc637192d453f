import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createFieldCipher, fixedClock, ParleyError, type Customer, type Stores } from '../core/index.js';
import { Readable } from 'node:stream';
import { createCrm } from '../crm/index.js';
import { openEmbeddedStores } from '../stores/index.js';
import { createAnalytics } from './index.js';
import { addTurns, claim, close, escalate, rate } from './testing/store-fixtures.js';

const cipher = createFieldCipher('analytics-test-key-analytics-test-key-0');
const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const MIN = 60_000;
const HOUR = 3_600_000;
const ann = { id: 'agent-ann', name: 'Ann' };
const bob = { id: 'agent-bob', name: 'Bob' };

let stores: Stores;
beforeEach(async () => {
  const dir = fs.mkdtempSync(path.join(base, 'parley-analytics-'));
  dirs.push(dir);
  stores = await openEmbeddedStores({ dataDir: dir, cipher });
});
afterEach(async () => stores.close());

/** Four conversations whose every figure is known by hand. */
async function knownDay(now: number) {
  const t = now - 2 * HOUR;
  const c1 = await stores.customers.create({ name: 'Alice Secret', email: 'alice@example.com', externalId: 'identity:u1' });
  const c2 = await stores.customers.create({ name: 'Bert Secret', email: 'bert@example.com', externalId: 'identity:u2' });
  const c3 = await stores.customers.create({ externalId: 'identity:u3' });
  const a = await stores.conversations.create({ customerId: c1.id, channel: 'widget' });
  await addTurns(stores, c1.id, a.id, [
    { decision: 'intent', intent: 'greeting', sentiment: 0.5, at: t },
    { decision: 'faq', intent: 'shipping', sentiment: 0.2, at: t + MIN },
  ]);
  await stores.conversations.update(a.id, { lastIntent: 'shipping' });
  await close(stores, a.id, t + 2 * MIN);
  await rate(stores, a.id, 5, t + 3 * MIN);
  const b = await stores.conversations.create({ customerId: c2.id, channel: 'widget' });
  await addTurns(stores, c2.id, b.id, [
    { decision: 'fallback', intent: null, sentiment: -0.2, text: 'my flux capacitor is leaking', at: t },
    { decision: 'escalate', intent: 'human', sentiment: -0.6, at: t + MIN },
  ]);
  await escalate(stores, b.id, t + MIN);
  await claim(stores, b.id, ann, t + 3 * MIN);
  await close(stores, b.id, t + 13 * MIN, ann);
  await rate(stores, b.id, 2, t + 14 * MIN);
  const c = await stores.conversations.create({ customerId: c3.id, channel: 'widget' });
  await addTurns(stores, c3.id, c.id, [
    { decision: 'clarify', intent: 'billing', sentiment: 0, text: 'the flux capacitor leaks again', at: t + 5 * MIN },
    { decision: 'intent', intent: 'billing', sentiment: 0.1, at: t + 6 * MIN },
  ]);
  const d = await stores.conversations.create({ customerId: c1.id, channel: 'widget' });
  await claim(stores, d.id, bob, t + 30 * MIN);
  await addTurns(stores, c1.id, d.id, [{ decision: 'handoff', intent: null, sentiment: 0, at: t + 31 * MIN }]);
  await close(stores, d.id, t + 35 * MIN, bob);
  await rate(stores, d.id, 4, t + 36 * MIN);
  return { c1, c2, c3 };
}

describe('analytics service on the embedded store', () => {
  it('answers the overview with the known figures', async () => {
    const clock = fixedClock(new Date(Date.now() + 1000));
    const analytics = createAnalytics({ stores, clock, options: { settleMs: 0 } });
    await knownDay(clock.now().getTime());
    const report = await analytics.run();
    expect(report).toMatchObject({ full: true, interactions: 7, conversations: 4 });
    const o = await analytics.overview();
    expect(o).toMatchObject({
      conversations: 4,
      messages: 7,
      automationRate: 0.5,
      escalationRate: 0.25,
      csat: { count: 3, distribution: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 } },
      agentTimes: { firstResponseMs: 2 * MIN, handlingMs: 7.5 * MIN },
    });
    expect(o.fallbackRate).toBeCloseTo(1 / 6);
    expect(o.clarifyRate).toBeCloseTo(1 / 6);
    expect(o.csat.average).toBeCloseTo(11 / 3);
    expect(o.sentiment.average).toBeCloseTo(0 / 7);
    expect(o.daily).toHaveLength(30);
    expect(o.sentiment.daily.reduce((a, d) => a + d.count, 0)).toBe(7);
    const billing = o.intents.find((i) => i.intent === 'billing');
    expect(billing).toEqual({ intent: 'billing', volume: 2, fallbackRate: 0, escalationRate: 0, csat: null, csatCount: 0 });
    expect(o.intents.find((i) => i.intent === 'shipping')).toMatchObject({ volume: 1, csat: 5 });
    expect(o.intents.find((i) => i.intent === 'human')).toMatchObject({ volume: 1, escalationRate: 1 });
    expect(o.agents).toEqual([
      { agentId: 'agent-ann', name: 'Ann', handled: 1, csat: 2, csatCount: 1, handlingMs: 10 * MIN },
      { agentId: 'agent-bob', name: 'Bob', handled: 1, csat: 4, csatCount: 1, handlingMs: 5 * MIN },
    ]);
    expect(o.churn).toEqual({ ready: false, reason: expect.stringMatching(/Not enough labelled customers/) });
    expect(o.segments.ready).toBe(false);

    const csv = analytics.toCsv(o);
    expect(csv).toMatch(/^metric,value\nfrom,/);
    expect(csv).toContain('conversations,4');
    expect(csv).toContain('\nintent,volume,fallback_rate');
    for (const secret of ['Alice', 'alice@example.com', 'Bert', 'u1']) expect(csv).not.toContain(secret);

    const un = await analytics.unanswered();
    expect(un.mode).toBe('tfidf');
    expect(un.clusters).toEqual([{ label: expect.any(String), count: 2, examples: expect.arrayContaining(['my flux capacitor is leaking']) }]);
  });

  it('rejects a bad range with ERR_VALIDATION', async () => {
    const analytics = createAnalytics({ stores });
    await expect(analytics.overview({ from: '2026-02-01', to: '2026-01-01' })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    await expect(analytics.overview({ from: 'yesterday' })).rejects.toBeInstanceOf(ParleyError);
  });

  it('an incremental run ends where a full recompute does', async () => {
    const clock = fixedClock(new Date(Date.now() + 1000));
    const now = clock.now().getTime();
    const analytics = createAnalytics({ stores, clock, options: { settleMs: 0, modelEveryMs: 0, minPerClass: 1 } });
    const customers: Customer[] = [];
    for (let i = 0; i < 24; i++) customers.push(await stores.customers.create({ externalId: `identity:x${i}` }));
    const convs: string[] = [];
    const wave = async (w: number) => {
      for (let i = 0; i < customers.length; i++) {
        if ((i + w) % 3 === 0) continue;
        const cust = customers[i]!;
        const conv = await stores.conversations.create({ customerId: cust.id, channel: 'widget' });
        convs.push(conv.id);
        const at = now - (40 - w * 12 - (i % 7)) * 24 * HOUR;
        await addTurns(stores, cust.id, conv.id, [
          { decision: i % 4 === 0 ? 'fallback' : 'faq', intent: i % 2 ? 'orders' : null, sentiment: ((i % 5) - 2) / 4, at, text: `question ${i % 3}` },
          { decision: i % 5 === 0 ? 'escalate' : 'intent', intent: 'orders', sentiment: 0.1, at: at + MIN },
        ]);
        if (i % 5 === 0) await escalate(stores, conv.id, at + MIN);
      }
    };
    await wave(0);
    await analytics.run();
    await wave(1);
    // Older conversations change after the first run: claims, closes and ratings.
    for (const [j, id] of convs.entries()) {
      if (j % 4 === 0) await claim(stores, id, ann, now - HOUR);
      if (j % 2 === 0) await close(stores, id, now - 30 * MIN, j % 4 === 0 ? ann : undefined);
      if (j % 2 === 0) await rate(stores, id, 1 + (j % 5), now - 20 * MIN);
    }
    await analytics.run();
    await wave(2);
    expect((await analytics.run()).full).toBe(false);
    // Ten days later the recent-conversation window has moved past them all: they settle.
    clock.advance(10 * 24 * HOUR);
    const settled = await analytics.run();
    expect(settled.full).toBe(false);
    expect(await stores.kv.keys('analytics.convs.recent')).toEqual([]);
    expect((await stores.kv.keys('analytics.convs.settled')).length).toBeGreaterThan(0);
    const range = { from: new Date(now - 60 * 24 * HOUR).toISOString() };
    const incremental = await analytics.overview(range);
    const insights = await Promise.all(customers.map((c) => analytics.customerInsights(c.id)));
    const full = await analytics.run({ full: true });
    expect(full.full).toBe(true);
    expect(await analytics.overview(range)).toEqual(incremental);
    expect(await Promise.all(customers.map((c) => analytics.customerInsights(c.id)))).toEqual(insights);
    expect(incremental.messages).toBe(2 * 16 * 3);
    expect(incremental.csat.count).toBeGreaterThan(0);
  });

  it('forgets an erased customer on the next run (aggregates, models, imports)', async () => {
    const clock = fixedClock(new Date(Date.now() + 1000));
    const analytics = createAnalytics({ stores, clock, options: { settleMs: 0 } });
    const { c1, c2 } = await knownDay(clock.now().getTime());
    const crm = createCrm({ stores, clock });
    const orders = await crm.importOrders(Readable.from([`orderId,customerId,date,productId,quantity,amount\no1,u2,2026-10-01,p,1,40\no2,u2,2026-11-01,p,1,60\n`]));
    expect(orders.imported).toBe(2);
    expect(await stores.orders.listByCustomer(c2.id)).toMatchObject({ items: [{ orderId: 'o2' }, { orderId: 'o1' }] });
    await analytics.run();
    expect((await analytics.customerInsights(c2.id)).clv).toBeGreaterThan(0);
    await stores.customers.erase(c2.id);
    await stores.conversations.eraseCustomer(c2.id);
    await stores.interactions.eraseCustomer(c2.id);
    await analytics.markDirty();
    const report = await analytics.run();
    expect(report.full).toBe(true);
    const o = await analytics.overview();
    expect(o).toMatchObject({ conversations: 3, messages: 5, escalationRate: 0, csat: { count: 2 } });
    expect(o.agents.map((a) => a.name)).toEqual(['Bob']);
    await expect(analytics.customerInsights(c2.id)).rejects.toMatchObject({ code: 'ERR_CUSTOMER_NOT_FOUND' });
    expect((await stores.orders.listByCustomer(c2.id)).items).toEqual([]);
    for (const ns of ['analytics.customers', 'analytics.convs.recent', 'analytics.meta', 'analytics.models']) {
      for (const key of await stores.kv.keys(ns)) expect(JSON.stringify(await stores.kv.get(ns, key))).not.toContain(c2.id);
    }
    expect((await analytics.unanswered()).clusters.flatMap((c) => c.examples)).not.toContain('my flux capacitor is leaking');
    expect((await analytics.customerInsights(c1.id)).customerId).toBe(c1.id);
  });

  it('reads orders from the OrderStore and imports churn labels with row-level errors', async () => {
    const clock = fixedClock(new Date(Date.now() + 1000));
    const analytics = createAnalytics({ stores, clock, options: { settleMs: 0 } });
    const { c1, c3 } = await knownDay(clock.now().getTime());
    await stores.orders.upsertLines([
      { orderId: 'o-1', customerId: c1.id, date: '2026-09-01', amount: 25.5 },
      { orderId: 'o-2', customerId: c1.id, date: '2026-10-15', amount: 30 },
    ], { status: 'delivered' });
    await analytics.ordersChanged();
    const labels = await analytics.importChurnLabels(`customerId,churned\n${c3.id},yes\nnobody,true\n,maybe\n`);
    expect(labels.imported).toBe(1);
    expect(labels.errors).toHaveLength(2);
    await analytics.run();
    const ins = await analytics.customerInsights(c1.id);
    expect(ins.clv).toBeGreaterThan(0);
    expect(ins.churnRisk.ready).toBe(false);
    expect(ins.churnRisk.reason).toMatch(/Not enough labelled/);
    await expect(analytics.importChurnLabels('x'.repeat(11 * 1024 * 1024))).rejects.toMatchObject({ code: 'ERR_IMPORT_TOO_LARGE' });
  });

  it('runs on a schedule until stopped', async () => {
    const analytics = createAnalytics({ stores, options: { settleMs: 0 } });
    analytics.start(10);
    let state: { lastRunAt: string | null } | null = null;
    for (let i = 0; i < 500 && !state?.lastRunAt; i++) {
      await new Promise((r) => setTimeout(r, 10));
      state = await stores.kv.get('analytics.meta', 'state');
    }
    analytics.stop();
    await analytics.run(); // waits for any in-flight scheduled run before the store closes
    expect(state?.lastRunAt).toEqual(expect.any(String));
  });
});
