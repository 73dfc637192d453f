import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { hmacHex } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { appWith, receiver } from '../test-support/http.js';
import { replies } from '../policy/replies.js';
import { createWebhookRouter } from './webhook-router.js';

const KEY = 'webhook-key-1234567890';
let h: Harness;
beforeEach(async () => {
  h = await openHarness({ openStores });
});
afterEach(async () => {
  await h.close();
});

const send = (app: Parameters<typeof request>[0], body: unknown, key: string | null = KEY) => {
  const req = request(app).post('/api/webhook/messages');
  if (key !== null) req.set('X-Api-Key', key);
  return req.send(body as object);
};

describe('POST /api/webhook/messages', () => {
  it('answers with the replies of the turn and scopes the user to the channel', async () => {
    const app = appWith(createWebhookRouter({ dialogue: h.dialogue, stores: h.stores, apiKey: KEY }));
    const res = await send(app, { userId: 'u-42', clientMessageId: 'c1', text: ' hello ' });
    expect(res.status).toBe(200);
    expect(res.body.replies).toEqual([expect.objectContaining({ author: 'bot', text: 'Hello! How can I help you today?' })]);
    expect(res.body.replies[0].inReplyTo).toBeUndefined();
    const customer = await h.stores.customers.findByExternalId('webhook:u-42');
    expect(customer).not.toBeNull();
    const conv = await h.stores.conversations.findOpen(customer!.id);
    expect(conv?.channel).toBe('webhook');
    const [interaction] = (await h.stores.interactions.list({ customerId: customer!.id })).items;
    expect(interaction?.channel).toBe('webhook');
  });

  it('returns the stored replies for a duplicate and stores the message once', async () => {
    const app = appWith(createWebhookRouter({ dialogue: h.dialogue, stores: h.stores, apiKey: KEY }));
    const first = await send(app, { userId: 'u1', clientMessageId: 'dup', text: 'how long does shipping take' });
    const again = await send(app, { userId: 'u1', clientMessageId: 'dup', text: 'something else' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const customer = await h.stores.customers.findByExternalId('webhook:u1');
    const conv = await h.stores.conversations.findOpen(customer!.id);
    const history = await h.stores.conversations.recentMessages(conv!.id);
    expect(history.map((m) => m.author)).toEqual(['customer', 'bot']);
  });

  it('refuses bad keys, disabled channel, invalid and oversized bodies in the common shape', async () => {
    const app = appWith(createWebhookRouter({ dialogue: h.dialogue, stores: h.stores, apiKey: KEY }));
    const bad = await send(app, { userId: 'u', clientMessageId: 'c', text: 'hi' }, 'wrong');
    expect([bad.status, bad.body.error.code]).toEqual([401, 'ERR_WEBHOOK_KEY']);
    const missing = await send(app, { userId: 'u', clientMessageId: 'c', text: 'hi' }, null);
    expect(missing.status).toBe(401);
    const disabled = await send(appWith(createWebhookRouter({ dialogue: h.dialogue, stores: h.stores })), { userId: 'u', clientMessageId: 'c', text: 'hi' });
    expect([disabled.status, disabled.body.error.code]).toEqual([404, 'ERR_WEBHOOK_DISABLED']);
    const unknown = await send(app, { userId: 'u', clientMessageId: 'c', text: 'hi', extra: 1 });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(unknown.body.error.details.issues.length).toBeGreaterThan(0);
    const empty = await send(app, { userId: 'u', clientMessageId: 'c', text: '   ' });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    const long = await send(app, { userId: 'u', clientMessageId: 'c', text: 'x'.repeat(4001) });
    expect([long.status, long.body.error.code]).toEqual([400, 'ERR_MESSAGE_TOO_LONG']);
    const malformed = await request(app).post('/api/webhook/messages').set('X-Api-Key', KEY).set('content-type', 'application/json').send('{"userId":');
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(await h.stores.customers.findByExternalId('webhook:u')).toBeNull();
  });

  it('POSTs agent replies and status changes to the callback URL, signed, retrying failures', async () => {
    const hook = await receiver((n) => (n === 0 ? 503 : 200));
    try {
      const app = appWith(createWebhookRouter({ dialogue: h.dialogue, stores: h.stores, apiKey: KEY, callbackUrl: `${hook.url}/parley` }));
      const res = await send(app, { userId: 'u7', clientMessageId: 'c1', text: 'I want to talk to a human' });
      expect(res.body.replies.map((m: { text: string }) => m.text)).toEqual([replies.connecting]);
      const conv = await h.stores.conversations.findOpen((await h.stores.customers.findByExternalId('webhook:u7'))!.id);
      await h.dialogue.claim(conv!.id, { id: 'a1', name: 'Ann' });
      await h.dialogue.agentMessage({ conversationId: conv!.id, agent: { id: 'a1', name: 'Ann' }, clientMessageId: 'x', text: 'Hi, Ann here' });
      await hook.waitFor(4);
      const bodies = hook.received.map((r) => {
        expect(r.headers['x-parley-signature']).toBe(hmacHex(KEY, r.body));
        expect(r.path).toBe('/parley');
        return JSON.parse(r.body) as { type: string; userId: string; state?: string; agentName?: string; message?: { text: string; author: string } };
      });
      expect(bodies.map((b) => [b.type, b.userId, b.state ?? b.message?.text])).toEqual([
        ['status', 'u7', 'queued'],
        ['status', 'u7', 'agent'],
        ['message', 'u7', 'Ann joined'],
        ['message', 'u7', 'Hi, Ann here'],
      ]);
      expect(bodies[1]?.agentName).toBe('Ann');
    } finally {
      await hook.close();
    }
  });
});
