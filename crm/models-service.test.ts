import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFieldCipher, fixedClock, type Stores } from '../core/index.js';
import { openEmbeddedStores } from '../stores/index.js';
import { addTurns } from '../analytics/testing/store-fixtures.js';
import { createCrmModels, type CrmRunProgress } from './models-service.js';
import { simulate, toLineBatches } from './testing/simulate.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-run-'));
let stores: Stores;
const START = Date.UTC(2025, 0, 1);
const day = (d: number) => new Date(START + d * 86_400_000);

beforeAll(async () => {
  stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('k'.repeat(40)) });
  const sim = simulate(400, { r: 0.6, alpha: 20, a: 1, b: 3, p: 6, q: 4, gamma: 15 }, { joinDays: 200, endDays: 400, seed: 7 });
  for (const batch of toLineBatches(sim, START, 500)) {
    await stores.orders.upsertLines(
      batch.map((l, i) => ({ ...l, productId: `p${i % 2}` })),
      { status: 'delivered' },
    );
  }
  const ann = await stores.customers.create({});
  const conv = await stores.conversations.create({ customerId: ann.id, channel: 'widget' });
  await addTurns(stores, ann.id, conv.id, [{ decision: 'fallback', sentiment: -0.7, at: day(100).getTime() }]);
});
afterAll(async () => {
  await stores?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CRM models service', () => {
  it('runs as of a date in a worker, from data before it only, and swaps the insights in', async () => {
    const crm = createCrmModels({ stores, clock: fixedClock(day(400)) });
    const phases = new Set<CrmRunProgress['phase']>();
    const first = crm.run({ asOf: day(300), onProgress: (p) => phases.add(p.phase) });
    expect(crm.run()).toBe(first); // a second call joins the run in flight
    const summary = await first;
    expect(summary.asOf).toBe(day(300).toISOString());
    expect([...phases]).toEqual(['conversations', 'orders', 'models', 'writing', 'done']);
    expect(summary.customersWithOrders).toBeGreaterThan(100);
    expect(summary.clv.ready).toBe(true);
    expect(summary.clv.parameters).toHaveProperty('alpha');

    const buyers = (await stores.insights.list({ limit: 200 })).items.filter((i) => i.orders > 0);
    expect(buyers.length).toBeGreaterThan(50);
    for (const i of buyers.slice(0, 50)) {
      expect(Date.parse(i.lastOrderAt!)).toBeLessThan(day(300).getTime());
      expect(i.clv!.pAlive).toBeGreaterThan(0);
      expect(i.clv!.pAlive).toBeLessThanOrEqual(1);
    }
    const one = buyers[0]!;
    expect(await crm.insights(one.customerId)).toEqual(one);

    // Later as-of: more orders counted for the same customer, never fewer.
    const later = await crm.run({ asOf: day(400) });
    expect(later.asOf).toBe(day(400).toISOString());
    expect((await crm.insights(one.customerId))!.orders).toBeGreaterThanOrEqual(one.orders);
    expect((await crm.summary())?.asOf).toBe(later.asOf);
  }, 60_000);
});
