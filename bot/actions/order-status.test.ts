import { jest } from '@jest/globals';
import type { Intent, Message, NewOrder, Stores } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { keywordUnderstander } from '../test-support/keyword-understanding.js';
import { createActionRunner, type ActionRunner } from './action-runner.js';
import type { ActionRequest } from './action-result.js';

jest.setTimeout(20_000);

let h: Harness;
let runner: ActionRunner;
const warnings: object[] = [];
const nlu = keywordUnderstander([{ name: 'order_status', phrases: ['where is my order', 'order status'] }]);
const orderStatusIntent: Intent = {
  name: 'order_status',
  utterances: ['where is my order'],
  answer: 'Sorry, I cannot look up orders right now.',
  slots: [{ name: 'order_id', entity: 'order_id', prompt: 'Which order?', required: false }],
  action: { type: 'builtin', name: 'order_status' },
};

const order = (orderId: string, customerId: string, date: string, status: NewOrder['status'], trackingUrl?: string): NewOrder => ({
  orderId,
  customerId,
  date,
  status,
  ...(trackingUrl ? { trackingUrl } : {}),
  lines: [{ productId: 'P1', quantity: 1, amount: 20 }],
});

let ann: string;
let bob: string;
async function seed(stores: Stores): Promise<void> {
  ann = (await stores.customers.create({ externalId: 'identity:ann-1', name: 'Ann Lee' })).id;
  bob = (await stores.customers.create({ externalId: 'identity:bob-2', name: 'Bob' })).id;
  await stores.orders.upsert(order('A10001', ann, '2026-10-01T10:00:00.000Z', 'delivered'));
  await stores.orders.upsert(order('A10002', ann, '2026-12-01T10:00:00.000Z', 'shipped', 'https://track.example/A10002'));
  await stores.orders.upsert(order('B20001', bob, '2026-12-02T10:00:00.000Z', 'shipped', 'https://track.example/SECRET-B20001'));
}

beforeEach(async () => {
  warnings.length = 0;
  h = await openHarness({
    openStores,
    nlu,
    policy: { escalateNegativeStreak: 0 },
    actions: (stores) => (runner = createActionRunner({ stores, logger: { warn: (o) => void warnings.push(o) } })),
  });
  await h.stores.intents.putIntent(orderStatusIntent);
  await seed(h.stores);
});
afterEach(async () => h.close());

const ask = (customerId: string | undefined, orderId?: string): Promise<ReturnType<ActionRunner['run']> extends Promise<infer R> ? R : never> => {
  const req: ActionRequest = {
    intent: 'order_status',
    action: { type: 'builtin', name: 'order_status' },
    text: 'where is my order',
    language: 'en',
    conversationId: 'c1',
    ...(customerId ? { customerId } : {}),
    entities: [],
    slots: orderId === undefined ? {} : { order_id: { text: orderId, value: orderId } },
  };
  return runner.run(req);
};
const texts = (ms: Message[]) => ms.map((m) => m.text);
const turn = async (customerId: string, text: string) => (await h.dialogue.handle(h.inbound(customerId, text))).processed;

describe('built-in order_status', () => {
  it('answers the only open order with status, date and tracking link', async () => {
    expect(await ask(ann)).toEqual({ kind: 'answer', text: 'Your order A10002 of 2026-12-01 is shipped. Track it here: https://track.example/A10002' });
    expect(await ask(ann, '#a10001')).toEqual({ kind: 'answer', text: 'Your order A10001 of 2026-10-01 is delivered.' });
  });

  it("never shows another customer's order: it reads as not found, like an id that does not exist", async () => {
    const other = await ask(ann, 'B20001');
    const missing = await ask(ann, 'B99999');
    expect(other).toEqual({ kind: 'answer', text: expect.stringContaining("can't find an order B20001") });
    expect(JSON.stringify(other)).not.toMatch(/SECRET|shipped|2026-12-02/);
    expect(JSON.stringify(missing).replace('B99999', 'B20001')).toBe(JSON.stringify(other));
  });

  it('reads nothing for operator-, SQL- or path-shaped ids', async () => {
    for (const forged of ["' OR '1'='1", 'B20001; DROP TABLE orders', '{"$ne":null}', '../B20001', 'B20001%', '*']) {
      const r = await ask(ann, forged);
      expect(r.kind).toBe('answer');
      expect(JSON.stringify(r)).not.toMatch(/SECRET|A10002 of|is shipped/);
    }
    expect((await h.stores.orders.count()).orders).toBe(3);
  });

  it('asks an anonymous visitor to sign in, with a way to a human', async () => {
    const anon = await h.newCustomer();
    expect(await ask(anon)).toMatchObject({ kind: 'answer', text: expect.stringContaining('sign in'), suggestions: [{ text: 'talk to a human' }] });
    expect(await ask(undefined, 'A10002')).toMatchObject({ text: expect.stringContaining('sign in') });
  });

  it("serves a webhook user from the shop customer's orders (the integration's userId is the shop's id)", async () => {
    const hook = (await h.stores.customers.create({ externalId: 'webhook:ann-1' })).id;
    expect(await ask(hook)).toMatchObject({ text: expect.stringContaining('A10002') });
    expect(await ask(hook, 'B20001')).toMatchObject({ text: expect.stringContaining("can't find") });
  });

  it('asks which order when several are open, then answers the one chosen', async () => {
    await h.stores.orders.upsert(order('A10003', ann, '2026-12-05T10:00:00.000Z', 'paid'));
    const first = await turn(ann, 'where is my order?');
    expect(first[0]).toMatchObject({
      text: 'You have several open orders. Which one do you mean?',
      suggestions: [
        { label: 'A10003 (2026-12-05, paid and being prepared)', text: 'order #A10003' },
        { label: 'A10002 (2026-12-01, shipped)', text: 'order #A10002' },
      ],
    });
    expect((await h.stores.conversations.findOpen(ann))?.dialogue?.form?.pending).toEqual({ kind: 'slot', slot: 'order_id', attempts: 0 });
    expect(texts(await turn(ann, 'order A10002'))).toEqual(['Your order A10002 of 2026-12-01 is shipped. Track it here: https://track.example/A10002']);
    expect((await h.stores.conversations.findOpen(ann))?.dialogue?.form ?? null).toBeNull();
  });

  it('answers the order named in the first message straight away', async () => {
    expect(texts(await turn(ann, 'where is my order A10001'))).toEqual(['Your order A10001 of 2026-10-01 is delivered.']);
    expect(warnings).toEqual([]);
  });
});
