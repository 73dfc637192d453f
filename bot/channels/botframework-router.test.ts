import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { appWith, receiver } from '../test-support/http.js';
import { replies } from '../policy/replies.js';
import { startTestIssuer, TEST_APP_ID, type TestIssuer } from '../test-support/botframework-issuer.js';
import { createBotFrameworkRouter } from './botframework-router.js';

let h: Harness;
let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(() => issuer.close());
beforeEach(async () => {
  h = await openHarness({ openStores });
});
afterEach(async () => {
  await h.close();
});

interface ReplyActivity {
  type: string;
  text?: string;
  suggestedActions?: { actions: { type: string; title: string; value: string }[] };
}

function activity(id: string, text: string, serviceUrl = 'http://127.0.0.1:9') {
  return {
    type: 'message',
    id,
    channelId: 'test',
    serviceUrl,
    from: { id: 'user-1', name: 'Uma' },
    recipient: { id: 'bot', name: 'Parley' },
    conversation: { id: 'conv-1' },
    text,
    deliveryMode: 'expectReplies',
  };
}

/** The channel with credentials, validated against the local token issuer. */
const channelRouter = () =>
  createBotFrameworkRouter({ dialogue: h.dialogue, stores: h.stores, appId: TEST_APP_ID, appPassword: 'app-secret', authentication: issuer.authentication });

async function post(app: Parameters<typeof request>[0], body: { serviceUrl: string }): Promise<ReplyActivity[]> {
  const res = await request(app).post('/api/messages').set('authorization', `Bearer ${await issuer.token(body.serviceUrl)}`).send(body);
  expect(res.status).toBe(200);
  return (res.body as { activities: ReplyActivity[] }).activities;
}

describe('POST /api/messages (Bot Framework)', () => {
  it('maps a message activity to the dialogue manager and returns the replies', async () => {
    const app = appWith(channelRouter());
    const out = await post(app, activity('a1', 'hello'));
    expect(out.map((a) => [a.type, a.text])).toEqual([['message', 'Hello! How can I help you today?']]);
    const customer = await h.stores.customers.findByExternalId('botframework:test:user-1');
    expect(customer?.name).toBe('Uma');
    expect((await h.stores.conversations.findOpen(customer!.id))?.channel).toBe('botframework');
  });

  it('turns clarify suggestions into suggested actions', async () => {
    const app = appWith(channelRouter());
    const [reply] = await post(app, activity('a1', 'password'));
    expect(reply?.text).toBe(replies.clarify);
    expect(reply?.suggestedActions?.actions.map((x) => [x.type, x.value]).sort()).toEqual([
      ['imBack', 'How do I change my password?'],
      ['imBack', 'How do I reset my password?'],
    ]);
  });

  it('does not process a redelivered activity twice', async () => {
    const app = appWith(channelRouter());
    const first = await post(app, activity('same', 'how long does shipping take'));
    const again = await post(app, activity('same', 'how long does shipping take'));
    expect(again.map((a) => a.text)).toEqual(first.map((a) => a.text));
    const customer = await h.stores.customers.findByExternalId('botframework:test:user-1');
    const conv = await h.stores.conversations.findOpen(customer!.id);
    expect((await h.stores.conversations.recentMessages(conv!.id)).map((m) => m.author)).toEqual(['customer', 'bot']);
  });

  it('answers an over-long message politely without storing it', async () => {
    const app = appWith(channelRouter());
    const [reply] = await post(app, activity('long', 'y'.repeat(4001)));
    expect(reply?.text).toMatch(/too long/);
    const customer = await h.stores.customers.findByExternalId('botframework:test:user-1');
    expect(await h.stores.conversations.findOpen(customer!.id)).toBeNull();
  });

  it('pushes agent messages proactively to the stored conversation reference', async () => {
    const channel = await receiver();
    try {
      const app = appWith(channelRouter());
      const out = await post(app, activity('h1', 'I need a human', channel.url));
      expect(out.map((a) => a.text)).toEqual([replies.connecting]);
      const customer = await h.stores.customers.findByExternalId('botframework:test:user-1');
      const conv = await h.stores.conversations.findOpen(customer!.id);
      await h.dialogue.claim(conv!.id, { id: 'a1', name: 'Ann' });
      await h.dialogue.agentMessage({ conversationId: conv!.id, agent: { id: 'a1', name: 'Ann' }, clientMessageId: 'x1', text: 'Hi, I can help' });
      await channel.waitFor(2);
      const sent = channel.received.map((r) => ({ path: r.path, body: JSON.parse(r.body) as { text: string; type: string } }));
      expect(sent.every((s) => s.path.startsWith('/v3/conversations/conv-1/activities'))).toBe(true);
      expect(sent.map((s) => s.body.text)).toEqual(['Ann joined', 'Ann: Hi, I can help']);
    } finally {
      await channel.close();
    }
  });

  it('is off unless both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are set: 404, nothing stored, no outbound call', async () => {
    const attacker = await receiver();
    try {
      for (const creds of [{}, { appId: 'app-id' }, { appPassword: 'app-secret' }]) {
        const app = appWith(createBotFrameworkRouter({ dialogue: h.dialogue, stores: h.stores, ...creds }));
        const res = await request(app).post('/api/messages').send({ ...activity('a1', 'hello', attacker.url), deliveryMode: 'normal' });
        expect(res.status).toBe(404);
        expect((res.body as { error: { code: string } }).error.code).toBe('ERR_BOTFRAMEWORK_DISABLED');
      }
      expect(await h.stores.customers.findByExternalId('botframework:test:user-1')).toBeNull();
      expect(attacker.received).toEqual([]);
    } finally {
      await attacker.close();
    }
  });

  it('refuses activities without a valid channel token, and calls no serviceUrl for them', async () => {
    const attacker = await receiver();
    // botbuilder's CloudAdapter prints the refusal itself; keep the test output readable.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const app = appWith(channelRouter());
      const body = { ...activity('a1', 'hello', attacker.url), deliveryMode: 'normal' };
      const tokens = [
        null,
        await issuer.token(attacker.url, { foreignKey: true }),
        await issuer.token(attacker.url, { audience: 'someone-elses-bot' }),
        // A genuine token for another serviceUrl cannot redirect our replies.
        await issuer.token('https://smba.trafficmanager.net/emea/'),
      ];
      for (const token of tokens) {
        const req = request(app).post('/api/messages');
        const res = await (token ? req.set('authorization', `Bearer ${token}`) : req).send(body);
        expect([tokens.indexOf(token), res.status, (res.body as { error?: { code: string } }).error?.code]).toEqual([tokens.indexOf(token), 401, 'ERR_AUTH_INVALID']);
      }
      expect(await h.stores.customers.findByExternalId('botframework:test:user-1')).toBeNull();
      expect(attacker.received).toEqual([]);
    } finally {
      quiet.mockRestore();
      await attacker.close();
    }
  });
});
