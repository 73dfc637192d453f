import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher, type DialogueApi, type Message, type Stores } from '../../core/index.js';
import { createDialogue } from '../../bot/index.js';
import { testFaqs, testIntents, testUnderstander } from '../../bot/test-support/keyword-understanding.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { barrier, nextEvent, record, startWidgetServer, type ConnectRefusal, type WidgetTestServer } from '../test-support/socket-harness.js';

type Ack = { ok: boolean; conversationId?: string; state?: string; messageId?: string; error?: { code: string; details?: Record<string, unknown> } };
const ann = { id: 'agent-ann', name: 'Ann' };

let dir: string;
let stores: Stores;
let dialogue: DialogueApi;
let server: WidgetTestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-widget-flow-'));
  stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('widget-test-key-widget-test-key-1234') });
  for (const intent of testIntents) await stores.intents.putIntent(intent);
  dialogue = createDialogue({ stores, nlu: testUnderstander, knowledge: testFaqs, policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 } });
  server = await startWidgetServer({ dialogue, stores, limits: { messagesPerSocket: { points: 8, duration: 60 } } });
});

afterAll(async () => {
  await server.close();
  await dialogue.drain();
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/widget escalate and handoff', () => {
  it('escalate without a conversation creates one and acks state queued, with status and a system notice', async () => {
    const { socket } = await server.connect();
    const status = nextEvent(socket, 'status');
    const notice = nextEvent<Message>(socket, 'message', (m) => m.author === 'system');
    const ack = (await socket.emitWithAck('escalate')) as Ack;
    expect(ack).toEqual({ ok: true, conversationId: expect.any(String), state: 'queued' });
    expect(await status).toEqual({ conversationId: ack.conversationId, state: 'queued' });
    expect((await notice).conversationId).toBe(ack.conversationId);
    // Asking again while queued is harmless.
    expect(await socket.emitWithAck('escalate', { reason: 'still waiting' })).toEqual(ack);
    expect(await socket.emitWithAck('escalate', { reason: 'x', urgent: true })).toMatchObject({ ok: false, error: { code: 'ERR_VALIDATION' } });
    socket.disconnect();
  });

  it('an agent claims: status with agentName, agent typing and messages reach the customer, customer typing reaches the dialogue', async () => {
    const { socket, session } = await server.connect();
    const { conversationId } = (await socket.emitWithAck('escalate', { reason: 'billing' })) as { conversationId: string };
    const joined = nextEvent(socket, 'status', (s: { state: string }) => s.state === 'agent');
    await dialogue.claim(conversationId, ann);
    expect(await joined).toEqual({ conversationId, state: 'agent', agentName: 'Ann' });

    const agentTyping = nextEvent(socket, 'typing');
    await dialogue.typing(conversationId, 'agent', true);
    expect(await agentTyping).toEqual({ conversationId, author: 'agent', typing: true });

    const customerTyping = new Promise((resolve) => {
      const off = dialogue.events.on('typing', (e) => {
        if (e.author === 'customer' && e.conversation.id === conversationId) resolve((off(), e.typing));
      });
    });
    socket.emit('typing', { typing: true });
    expect(await customerTyping).toBe(true);

    const reply = nextEvent<Message>(socket, 'message', (m) => m.author === 'agent');
    await dialogue.agentMessage({ conversationId, agent: ann, clientMessageId: 'a1', text: 'Hi, Ann here.' });
    expect(await reply).toMatchObject({ conversationId, author: 'agent', text: 'Hi, Ann here.', agentName: 'Ann' });

    // The bot stays silent while Ann owns the conversation; the reload shows who is there.
    const log = record(socket, ['message']);
    await socket.emitWithAck('message', { clientMessageId: 'q1', text: 'hello?' });
    await dialogue.drain();
    await barrier(socket);
    const again = await server.connect({ visitorToken: session.visitorToken });
    expect(log.map((e) => (e.payload as Message).author)).not.toContain('bot');
    expect(again.session.conversation).toEqual({ id: conversationId, state: 'agent', agentName: 'Ann', csatPending: false });
    socket.disconnect();
    again.socket.disconnect();
  });
});

describe('/widget csat', () => {
  it('NOT_CLOSED before close, csat:request on close, stored once, ALREADY_GIVEN after, NOT_FOUND for others', async () => {
    const { socket, session } = await server.connect();
    const { conversationId } = (await socket.emitWithAck('escalate')) as { conversationId: string };
    expect(await socket.emitWithAck('csat', { conversationId, score: 5 })).toMatchObject({ ok: false, error: { code: 'ERR_CONVERSATION_NOT_CLOSED' } });

    const closed = nextEvent(socket, 'status', (s: { state: string }) => s.state === 'closed');
    const request = nextEvent(socket, 'csat:request');
    await dialogue.close(conversationId, ann);
    expect(await closed).toEqual({ conversationId, state: 'closed' });
    expect(await request).toEqual({ conversationId });

    // A reload while the rating is pending still offers it.
    const reload = await server.connect({ visitorToken: session.visitorToken });
    expect(reload.session.conversation).toEqual({ id: conversationId, state: 'closed', csatPending: true });
    reload.socket.disconnect();

    const other = await server.connect();
    expect(await other.socket.emitWithAck('csat', { conversationId, score: 1 })).toMatchObject({ ok: false, error: { code: 'ERR_CONVERSATION_NOT_FOUND' } });
    expect(await other.socket.emitWithAck('csat', { conversationId: 'nope', score: 1 })).toMatchObject({ ok: false, error: { code: 'ERR_CONVERSATION_NOT_FOUND' } });
    other.socket.disconnect();
    expect(await socket.emitWithAck('csat', { conversationId, score: 6 })).toMatchObject({ ok: false, error: { code: 'ERR_VALIDATION' } });

    expect(await socket.emitWithAck('csat', { conversationId, score: 5, comment: 'Quick and kind' })).toEqual({ ok: true });
    expect(await socket.emitWithAck('csat', { conversationId, score: 1 })).toMatchObject({ ok: false, error: { code: 'ERR_CSAT_ALREADY_GIVEN' } });
    expect((await stores.conversations.get(conversationId))?.csat).toMatchObject({ score: 5, comment: 'Quick and kind' });
    expect((await stores.customers.get(session.customerId))?.stats).toMatchObject({ csatCount: 1, csatSum: 5 });

    // Rated and closed: the next session starts clean, and the next message opens a new conversation.
    const after = await server.connect({ visitorToken: session.visitorToken });
    expect(after.session.conversation).toBeNull();
    const ack = (await after.socket.emitWithAck('message', { clientMessageId: 'n1', text: 'hello again' })) as Ack;
    expect(ack.conversationId).not.toBe(conversationId);
    socket.disconnect();
    after.socket.disconnect();
  });
});

describe('/widget limits and isolation', () => {
  it('rate limits one flooding socket with ERR_RATE_LIMITED while others are served', async () => {
    const flood = await server.connect();
    const acks: Ack[] = [];
    for (let i = 0; i < 10; i++) acks.push((await flood.socket.emitWithAck('message', { clientMessageId: `f${i}`, text: 'thanks' })) as Ack);
    expect(acks.filter((a) => a.ok)).toHaveLength(8);
    expect(acks[9]).toMatchObject({ ok: false, error: { code: 'ERR_RATE_LIMITED', details: { retryAfterMs: expect.any(Number) } } });
    const calm = await server.connect();
    expect(await calm.socket.emitWithAck('message', { clientMessageId: 'ok', text: 'thanks' })).toMatchObject({ ok: true });
    flood.socket.disconnect();
    calm.socket.disconnect();
  });

  it('limits the actions of all sockets of one IP together', async () => {
    const shared = await startWidgetServer({ dialogue, stores, limits: { messagesPerIp: { points: 3, duration: 60 } } });
    try {
      const a = await shared.connect();
      const b = await shared.connect();
      const acks: Ack[] = [];
      for (const [i, socket] of [a.socket, b.socket, a.socket, b.socket].entries()) {
        acks.push((await socket.emitWithAck('message', { clientMessageId: `ip${i}`, text: 'thanks' })) as Ack);
      }
      expect(acks.map((x) => x.ok)).toEqual([true, true, true, false]);
      expect(acks[3]).toMatchObject({ error: { code: 'ERR_RATE_LIMITED' } });
    } finally {
      await shared.close();
    }
  });

  it('refuses handshake floods per IP with ERR_RATE_LIMITED', async () => {
    const strict = await startWidgetServer({ dialogue, stores, limits: { connectionsPerIp: { points: 2, duration: 60 } } });
    try {
      await strict.connect();
      await strict.connect();
      const err = (await strict.connect().catch((e: unknown) => e)) as ConnectRefusal;
      expect(err.message).toBe('ERR_RATE_LIMITED');
    } finally {
      await strict.close();
    }
  });

  it('does not deliver events of other channels to widget customers', async () => {
    const { socket, session } = await server.connect();
    const log = record(socket, ['message', 'status', 'typing']);
    // An anonymous visitor is stored at its first write; store it here without a widget write.
    await stores.customers.create({ id: session.customerId, visitorToken: session.visitorToken });
    // The same customer id on the webhook channel (as an integration would) must not reach the widget sockets.
    const webhook = await dialogue.handle({ channel: 'webhook', customerId: session.customerId, clientMessageId: 'w1', senderKey: 'webhook:x', text: 'hello' });
    await webhook.processed;
    await barrier(socket);
    expect(log).toEqual([]);
    socket.disconnect();
  });
});
