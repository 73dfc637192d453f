import { jest } from '@jest/globals';
import { customerPrioritySetting, writeSetting, type Message } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { keywordUnderstander } from '../test-support/keyword-understanding.js';
import { seedInsights } from '../test-support/insights.js';
import { retentionReport, RETENTION_NS } from './retention.js';

jest.setTimeout(20_000);
let h: Harness;
const nlu = keywordUnderstander([{ name: 'cancel_subscription', phrases: ['cancel my subscription'] }]);
beforeEach(async () => {
  h = await openHarness({ openStores, nlu });
  await h.stores.intents.putIntent({ name: 'cancel_subscription', utterances: ['cancel my subscription'], answer: 'You can cancel under Account > Subscription.' });
});
afterEach(async () => h.close());

const say = async (c: string, text: string) => ((await (await h.dialogue.handle(h.inbound(c, text))).processed) as Message[]).map((m) => m.text);

/** 20 customers; #19 is high value and at risk, #18 only high value, #0 only at risk. */
async function world(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) ids.push((await h.stores.customers.create({ externalId: `identity:c${i}`, name: `Kim ${i}` })).id);
  await seedInsights(h.stores, ids.map((customerId, i) => ({ customerId, expectedRevenue: (i + 1) * 10, churnRisk: i === 19 || i === 0 ? 0.9 : 0.1 })));
  return ids;
}

describe('retention offer', () => {
  it('offers the admin text only to valuable at-risk customers who ask to cancel, and counts offers and who stayed', async () => {
    const ids = await world();
    const answer = 'You can cancel under Account > Subscription.';
    await writeSetting(h.stores.kv, customerPrioritySetting, { retentionOffer: 'Before you go, {{customer.name}}: 3 months at half price?' });
    expect(await say(ids[19]!, 'cancel my subscription please')).toEqual(['Before you go, Kim 19: 3 months at half price?']);
    expect(await say(ids[18]!, 'cancel my subscription')).toEqual([answer]);
    expect(await say(ids[0]!, 'cancel my subscription')).toEqual([answer]);
    expect(await h.stores.kv.keys(RETENTION_NS)).toEqual([ids[19]]);

    const offeredAt = Date.now();
    const later = new Date(offeredAt + 86_400_000).toISOString();
    expect(await retentionReport(h.stores, new Date(offeredAt))).toEqual({ offers: 1, customersOffered: 1, stayed: 0, pending: 1, windowDays: 60 });
    await h.stores.orders.upsert({ orderId: 'K1', customerId: ids[19]!, date: later, status: 'cancelled', lines: [{ amount: 10 }] });
    expect((await retentionReport(h.stores, new Date(offeredAt))).stayed).toBe(0); // a cancelled order is not staying
    await h.stores.orders.upsert({ orderId: 'K2', customerId: ids[19]!, date: later, status: 'paid', lines: [{ amount: 10 }] });
    expect(await retentionReport(h.stores, new Date(offeredAt + 2 * 86_400_000))).toEqual({ offers: 1, customersOffered: 1, stayed: 1, pending: 0, windowDays: 60 });
    expect((await retentionReport(h.stores, new Date(offeredAt + 90 * 86_400_000), 60)).stayed).toBe(1);
  });

  it('makes no offer while none is written', async () => {
    const ids = await world();
    expect(await say(ids[19]!, 'cancel my subscription')).toEqual(['You can cancel under Account > Subscription.']);
    expect(await h.stores.kv.keys(RETENTION_NS)).toEqual([]);
  });
});

