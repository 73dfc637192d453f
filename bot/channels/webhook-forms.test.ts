import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { demoUnderstanding } from '../test-support/demo-understanding.js';
import { appWith } from '../test-support/http.js';
import { createWebhookRouter } from './webhook-router.js';

/** Issue 22's report, replayed as a new user would: the webhook channel on the demo bot. */
const KEY = 'webhook-key-1234567890';
let h: Harness;
let app: Parameters<typeof request>[0];
beforeAll(async () => {
  h = await openHarness({ openStores, understanding: demoUnderstanding, policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 } });
  app = appWith(createWebhookRouter({ dialogue: h.dialogue, stores: h.stores, apiKey: KEY }));
}, 60_000);
afterAll(async () => {
  await h.close();
});

let seq = 0;
async function say(userId: string, text: string): Promise<string[]> {
  const res = await request(app).post('/api/webhook/messages').set('X-Api-Key', KEY).send({ userId, clientMessageId: `c${++seq}`, text });
  expect(res.status).toBe(200);
  return (res.body.replies as { text: string }[]).map((r) => r.text);
}

describe('forms and context through the webhook', () => {
  it('understands a bare answer and a phrase, and never rewrites an id', async () => {
    expect(await say('w1', 'where is my order')).toEqual(["What's your order number?"]);
    expect((await say('w1', 'A12345'))[0]).toMatch(/^Let me look up order A12345\./);
    expect(await say('w2', 'where is my order')).toEqual(["What's your order number?"]);
    expect((await say('w2', 'my order number is 12345'))[0]).toMatch(/^Let me look up order 12345\./);
    expect((await say('w3', 'track order 55555'))[0]).toMatch(/^Let me look up order 55555\./);
  });

  it('answers a follow-up about the previous topic, and a digression with the form question after it', async () => {
    await say('w4', 'I want a refund');
    expect((await say('w4', 'how long does it take?'))[0]).toMatch(/^Refunds go back/);
    expect(await say('w5', 'where is my order')).toEqual(["What's your order number?"]);
    const digression = await say('w5', 'how long does shipping take?');
    expect(digression).toHaveLength(2);
    expect(digression[1]).toBe("Back to your order status request: What's your order number?");
  });
});
