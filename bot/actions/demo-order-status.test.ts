import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Message } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { demoUnderstanding } from '../test-support/demo-understanding.js';
import { createActionRunner } from './action-runner.js';

/** The shipped demo bot (real NLU) with the built-in order_status action and a signed-in shop customer. */
let h: Harness;
let alex: string;
beforeAll(async () => {
  h = await openHarness({ openStores, understanding: demoUnderstanding, actions: (stores) => createActionRunner({ stores, logger: { warn() {} } }) });
  alex = (await h.stores.customers.create({ externalId: 'identity:demo-alex', name: 'Alex Demo' })).id;
  await h.stores.orders.upsert({ orderId: 'A10017', customerId: alex, date: '2026-10-28T09:00:00.000Z', status: 'delivered', lines: [{ amount: 24 }] });
  await h.stores.orders.upsert({ orderId: 'A10023', customerId: alex, date: '2026-12-04T09:00:00.000Z', status: 'shipped', trackingUrl: 'https://tracking.example.com/A10023', lines: [{ amount: 25.5 }] });
}, 60_000);
afterAll(async () => h.close());

const say = async (customerId: string, text: string): Promise<string[]> => ((await (await h.dialogue.handle(h.inbound(customerId, text))).processed) as Message[]).map((m) => m.text);

describe('demo bot: order status from the store', () => {
  it('greets a signed-in customer by first name, and a visitor neutrally', async () => {
    expect((await say(alex, 'hello'))[0]).toMatch(/^Hi Alex! I am the Parley assistant/);
    expect((await say(await h.newCustomer(), 'hello'))[0]).toMatch(/^Hi there! I am the Parley assistant/);
  });

  it('answers the signed-in customer with status, date and tracking link', async () => {
    expect(await say(alex, 'where is my order')).toEqual(["What's your order number?"]);
    expect(await say(alex, 'A10023')).toEqual(['Your order A10023 of 2026-12-04 is shipped. Track it here: https://tracking.example.com/A10023']);
    expect(await say(alex, 'where is my order #A10017')).toEqual(['Your order A10017 of 2026-10-28 is delivered.']);
  });

  it('asks an anonymous visitor to sign in', async () => {
    const visitor = await h.newCustomer();
    expect(await say(visitor, 'where is my order #A10023')).toEqual([expect.stringContaining('please sign in')]);
  });
});
