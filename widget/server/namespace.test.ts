import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hmacHex, identityClaimsPayload, type DialogueApi, type Message, type Stores } from '../../core/index.js';
import { nextEvent, record, startWidgetServer, type ConnectRefusal, type WidgetTestServer } from '../test-support/socket-harness.js';
import { openKeywordWidgetFixture, type KeywordWidgetFixture } from '../test-support/keyword-fixture.js';

const SECRET = 'identity-secret-for-tests';
type Ack = { ok: boolean; messageId?: string; conversationId?: string; duplicate?: boolean; state?: string; error?: { code: string } };

let fixture: KeywordWidgetFixture;
let stores: Stores;
let dialogue: DialogueApi;
let server: WidgetTestServer;

beforeAll(async () => {
  fixture = await openKeywordWidgetFixture('parley-widget-', SECRET);
  ({ stores, dialogue, server } = fixture);
});

afterAll(() => fixture.close());

const isBot = (m: Message): boolean => m.author === 'bot';

describe('/widget session', () => {
  it('a new visitor gets a token and a customer id, and no conversation yet; the customer is stored at the first message', async () => {
    const { socket, session } = await server.connect();
    expect(session.visitorToken).toEqual(expect.any(String));
    expect(session.customerId).toEqual(expect.any(String));
    expect(session.conversation).toBeNull();
    expect(session.history).toEqual([]);
    expect(await stores.customers.get(session.customerId)).toBeNull();
    const reply = nextEvent<Message>(socket, 'message', isBot);
    expect(await socket.emitWithAck('message', { clientMessageId: 'first', text: 'hello' })).toMatchObject({ ok: true });
    await reply;
    expect(await stores.customers.findByVisitorToken(session.visitorToken)).toMatchObject({ id: session.customerId });
    socket.disconnect();
  });

  it('refuses writes of a customer erased while its socket was open (the drop may still be on its way)', async () => {
    const { socket, session } = await server.connect();
    const reply = nextEvent<Message>(socket, 'message', isBot);
    expect(await socket.emitWithAck('message', { clientMessageId: 'e1', text: 'hello' })).toMatchObject({ ok: true });
    await reply;
    await dialogue.drain();
    await stores.interactions.eraseCustomer(session.customerId);
    await stores.conversations.eraseCustomer(session.customerId);
    await stores.customers.erase(session.customerId);
    const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect(await socket.emitWithAck('message', { clientMessageId: 'e2', text: 'still here?' })).toMatchObject({ ok: false, error: { code: 'ERR_CUSTOMER_NOT_FOUND' } });
    await dropped;
    expect(await stores.conversations.findLatest(session.customerId)).toBeNull();
    expect(await stores.customers.get(session.customerId)).toBeNull();
  });

  it('anonymous handshakes write nothing: a reconnect loop does not fill the customer store', async () => {
    const before = await stores.customers.count();
    for (let i = 0; i < 10; i++) (await server.connect()).socket.disconnect();
    expect(await stores.customers.count()).toBe(before);
  });

  it('a second tab (or a reconnect) with a not-yet-stored token keeps the same customer id and token', async () => {
    const first = await server.connect();
    const second = await server.connect({ visitorToken: first.session.visitorToken });
    expect(second.session).toMatchObject({ visitorToken: first.session.visitorToken, customerId: first.session.customerId });
    // Both tabs write at once: one customer, both acks refer to the same conversation.
    const acks = (await Promise.all([
      first.socket.emitWithAck('escalate', {}),
      second.socket.emitWithAck('escalate', {}),
    ])) as Ack[];
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(acks[0]?.conversationId).toBe(acks[1]?.conversationId);
    expect((await stores.customers.findByVisitorToken(first.session.visitorToken))?.id).toBe(first.session.customerId);
    first.socket.disconnect();
    second.socket.disconnect();
  });

  it('a made-up token that looks like ours is not accepted as a customer id', async () => {
    const { session, socket } = await server.connect({ visitorToken: 'p.0mxdc7r8nKw4BjNcSha.deadbeef' });
    expect(session.visitorToken).not.toBe('p.0mxdc7r8nKw4BjNcSha.deadbeef');
    expect(session.customerId).not.toBe('0mxdc7r8nKw4BjNcSha');
    socket.disconnect();
  });

  it('an unknown token becomes a new anonymous customer with a new token', async () => {
    const { socket, session } = await server.connect({ visitorToken: 'no-such-token' });
    expect(session.visitorToken).not.toBe('no-such-token');
    expect(session.conversation).toBeNull();
    socket.disconnect();
  });

  it('refuses unknown handshake keys with ERR_VALIDATION in the common error shape', async () => {
    const err = (await server.connect({ visitorToken: 'x', admin: true }).catch((e: unknown) => e)) as ConnectRefusal;
    expect(err.message).toBe('ERR_VALIDATION');
    expect(err.data?.error.code).toBe('ERR_VALIDATION');
    expect(err.data?.error.details).toMatchObject({ issues: expect.any(Array) });
  });
});

describe('/widget message', () => {
  it('acks after storing, then the bot replies with typing around it', async () => {
    const { socket } = await server.connect();
    const log = record(socket, ['typing', 'message']);
    const reply = nextEvent<Message>(socket, 'message', isBot);
    const typingDone = nextEvent(socket, 'typing', (t: { typing: boolean }) => !t.typing);
    // The ack callback runs as its packet is read, so the log shows the order on the wire:
    // the ack comes before the bot starts on the message (no typing or reply before it).
    const ack = await new Promise<Ack>((resolve) =>
      socket.emit('message', { clientMessageId: 'c1', text: '  hello  ' }, (a: Ack) => (log.push({ event: 'ack', payload: a }), resolve(a))),
    );
    expect(log[0]?.event).toBe('ack');
    expect(ack).toEqual({ ok: true, messageId: expect.any(String), conversationId: expect.any(String), duplicate: false });
    const stored = await stores.conversations.getMessage(ack.messageId as string);
    expect(stored).toMatchObject({ author: 'customer', text: 'hello', conversationId: ack.conversationId });
    expect((await reply).text).toBe('Hello! How can I help you today?');
    await typingDone;
    expect(log.filter((e) => e.event === 'typing').map((e) => e.payload)).toEqual([
      { conversationId: ack.conversationId, author: 'bot', typing: true },
      { conversationId: ack.conversationId, author: 'bot', typing: false },
    ]);
    // The sender never gets its own message back; server-only fields stay off the wire.
    const messages = log.filter((e) => e.event === 'message').map((e) => e.payload as Message);
    expect(messages.every((m) => m.author === 'bot' && !('inReplyTo' in m))).toBe(true);
    socket.disconnect();
  });

  it('the handshake locale reaches the conversation; a malformed locale is refused', async () => {
    const { socket } = await server.connect({ locale: 'zh-CN' });
    const ack = (await socket.emitWithAck('message', { clientMessageId: 'zh-1', text: '你好，我的订单在哪里' })) as Ack;
    await dialogue.drain();
    expect(await stores.conversations.get(ack.conversationId as string)).toMatchObject({ locale: 'zh-CN', language: 'zh' });
    socket.disconnect();
    const err = (await server.connect({ locale: 'zh CN<script>' }).catch((e: unknown) => e)) as ConnectRefusal;
    expect(err.message).toBe('ERR_VALIDATION');
  });

  it('a retry with the same clientMessageId returns duplicate: true and stores one message', async () => {
    const { socket } = await server.connect();
    const first = (await socket.emitWithAck('message', { clientMessageId: 'same', text: 'where is my order 123456' })) as Ack;
    const again = (await socket.emitWithAck('message', { clientMessageId: 'same', text: 'different text' })) as Ack;
    expect(again).toEqual({ ok: true, messageId: first.messageId, conversationId: first.conversationId, duplicate: true });
    await dialogue.drain();
    const history = await stores.conversations.recentMessages(first.conversationId as string);
    expect(history.filter((m) => m.author === 'customer')).toHaveLength(1);
    socket.disconnect();
  });

  it('too long, empty and unknown-field messages are refused and nothing is stored', async () => {
    const { socket, session } = await server.connect();
    const tooLong = (await socket.emitWithAck('message', { clientMessageId: 'l1', text: 'é'.repeat(4001) })) as Ack;
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'ERR_MESSAGE_TOO_LONG' } });
    const empty = (await socket.emitWithAck('message', { clientMessageId: 'l2', text: '   ' })) as Ack;
    expect(empty).toMatchObject({ ok: false, error: { code: 'ERR_VALIDATION' } });
    const extra = (await socket.emitWithAck('message', { clientMessageId: 'l3', text: 'hi', html: '<b>' })) as Ack;
    expect(extra).toMatchObject({ ok: false, error: { code: 'ERR_VALIDATION' } });
    const noId = (await socket.emitWithAck('message', { text: 'hi' })) as Ack;
    expect(noId).toMatchObject({ ok: false, error: { code: 'ERR_VALIDATION' } });
    expect(await stores.conversations.findLatest(session.customerId)).toBeNull();
    // Exactly 4000 code points (astral characters count once) is accepted.
    const max = (await socket.emitWithAck('message', { clientMessageId: 'l4', text: '😀'.repeat(4000) })) as Ack;
    expect(max).toMatchObject({ ok: true, duplicate: false });
    socket.disconnect();
  });

  it("the customer's other tab gets the message, the sending tab does not", async () => {
    const first = await server.connect();
    const second = await server.connect({ visitorToken: first.session.visitorToken });
    expect(second.session.customerId).toBe(first.session.customerId);
    const senderLog = record(first.socket, ['message']);
    const seen = nextEvent<Message>(second.socket, 'message', (m) => m.author === 'customer');
    const ack = (await first.socket.emitWithAck('message', { clientMessageId: 'tab-1', text: 'hello from tab one' })) as Ack;
    expect(await seen).toMatchObject({ id: ack.messageId, author: 'customer', text: 'hello from tab one' });
    // A later ack on the sender is delivered after anything broadcast to it before: its log is complete now.
    await first.socket.emitWithAck('message', { clientMessageId: 'tab-2', text: 'thanks' });
    expect(senderLog.map((e) => (e.payload as Message).author)).not.toContain('customer');
    first.socket.disconnect();
    second.socket.disconnect();
  });

  it('a reload (new socket with the stored token) resumes the conversation and its history', async () => {
    const { socket, session } = await server.connect();
    const reply = nextEvent<Message>(socket, 'message', isBot);
    const ack = (await socket.emitWithAck('message', { clientMessageId: 'r1', text: 'hello' })) as Ack;
    await reply;
    socket.disconnect();
    const again = await server.connect({ visitorToken: session.visitorToken });
    expect(again.session).toMatchObject({
      customerId: session.customerId,
      visitorToken: session.visitorToken,
      conversation: { id: ack.conversationId, state: 'bot', csatPending: false },
    });
    expect(again.session.history.map((m) => [m.author, m.text])).toEqual([
      ['customer', 'hello'],
      ['bot', 'Hello! How can I help you today?'],
    ]);
    again.socket.disconnect();
  });
});

describe('/widget identity', () => {
  const identity = (userId: string, extra: Record<string, string> = {}) => ({ userId, hmac: hmacHex(SECRET, userId), ...extra });
  const signedIdentity = (userId: string, claims: { email?: string; name?: string }) => ({
    userId,
    ...claims,
    hmac: hmacHex(SECRET, identityClaimsPayload({ userId, ...claims })),
  });

  it('refuses a bad hmac with ERR_AUTH_IDENTITY', async () => {
    const err = (await server.connect({ identity: { userId: 'u1', hmac: hmacHex('wrong', 'u1') } }).catch((e: unknown) => e)) as ConnectRefusal;
    expect(err.message).toBe('ERR_AUTH_IDENTITY');
    expect(err.data?.error.code).toBe('ERR_AUTH_IDENTITY');
  });

  it('refuses a malformed hmac (not 64 hex digits) with ERR_AUTH_IDENTITY, as PROTOCOL says', async () => {
    for (const hmac of ['zz', 'not-hex'.repeat(10), '']) {
      const err = (await server.connect({ identity: { userId: 'u1', hmac } }).catch((e: unknown) => e)) as ConnectRefusal;
      expect(err.data?.error.code).toBe('ERR_AUTH_IDENTITY');
    }
  });

  it('writes only signed claims: email and name outside the hmac never reach the profile', async () => {
    const first = await server.connect({ identity: identity('user-77', { name: 'Mallory', email: 'mallory@evil.test' }) });
    expect(await stores.customers.get(first.session.customerId)).toMatchObject({ externalId: 'identity:user-77', name: null, email: null });
    first.socket.disconnect();
    const signed = await server.connect({ identity: signedIdentity('user-77', { name: 'Grace', email: 'grace@example.com' }) });
    expect(signed.session.customerId).toBe(first.session.customerId);
    expect(await stores.customers.get(first.session.customerId)).toMatchObject({ name: 'Grace', email: 'grace@example.com' });
    signed.socket.disconnect();
    // A replayed userId-only signature cannot overwrite what was signed.
    const replay = await server.connect({ identity: identity('user-77', { name: 'Mallory', email: 'mallory@evil.test' }) });
    expect(await stores.customers.get(first.session.customerId)).toMatchObject({ name: 'Grace', email: 'grace@example.com' });
    replay.socket.disconnect();
  });

  it('refuses any identity when no secret is configured', async () => {
    const bare = await startWidgetServer({ dialogue, stores });
    try {
      const err = (await bare.connect({ identity: identity('u2') }).catch((e: unknown) => e)) as ConnectRefusal;
      expect(err.message).toBe('ERR_AUTH_IDENTITY');
    } finally {
      await bare.close();
    }
  });

  it('a valid identity wins over the token and adopts the anonymous conversation', async () => {
    const anon = await server.connect();
    const reply = nextEvent<Message>(anon.socket, 'message', isBot);
    const ack = (await anon.socket.emitWithAck('message', { clientMessageId: 'a1', text: 'hello' })) as Ack;
    await reply;
    anon.socket.disconnect();

    const known = await server.connect({ visitorToken: anon.session.visitorToken, identity: signedIdentity('user-42', { name: 'Grace', email: 'grace@example.com' }) });
    expect(known.session.customerId).not.toBe(anon.session.customerId);
    expect(known.session.conversation?.id).toBe(ack.conversationId);
    expect(known.session.history.map((m) => m.text)).toContain('hello');
    const customer = await stores.customers.get(known.session.customerId);
    expect(customer).toMatchObject({ externalId: 'identity:user-42', name: 'Grace', email: 'grace@example.com' });
    expect((await stores.conversations.get(ack.conversationId as string))?.customerId).toBe(known.session.customerId);

    // Same user from another device: the same customer.
    const elsewhere = await server.connect({ identity: identity('user-42') });
    expect(elsewhere.session.customerId).toBe(known.session.customerId);
    known.socket.disconnect();
    elsewhere.socket.disconnect();
  });
});
