import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { newToken, type ConversationSummary } from '../../core/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { signAccessToken } from '../auth/tokens.js';
import { hashPassword } from '../auth/passwords.js';
import { attachAgentNamespace } from './namespace.js';

let h: AdminHarness;
let http: HttpServer;
let ioServer: Server;
let url: string;
let detach: () => void;
const sockets: Socket[] = [];

beforeEach(async () => {
  h = await openAdminHarness();
  http = createServer();
  ioServer = new Server(http, { maxHttpBufferSize: 64 * 1024 });
  detach = attachAgentNamespace(ioServer, {
    dialogue: h.dialogue,
    stores: h.stores,
    jwtSecret: 'test-jwt-secret-test-jwt-secret-0123456789',
    knowledge: h.knowledge,
    allowedOrigins: ['https://console.example'],
  }).detach;
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/agent`;
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  detach();
  await new Promise<void>((r) => ioServer.close(() => r()));
  await h.close();
});

function tokenOf(auth: string): string {
  return auth.replace(/^Bearer /, '');
}

/** What the server emitted to a test socket, in order (payloads are checked by the assertions). */
type Received = { name: string; payload: unknown }[];
type Queue = { conversations: ConversationSummary[] };
interface ConnectRefusal {
  message: string;
  data: { error: { code?: string; details?: { issues?: unknown[] } } };
}

/** Connects and resolves with the socket plus the first `queue` it receives. */
async function agentSocket(auth: unknown): Promise<{ socket: Socket; queue: Queue; events: Received }> {
  const socket = connect(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const events: Received = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  const queue = await new Promise<Queue>((resolve, reject) => {
    socket.once('queue', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, queue, events };
}

async function refused(auth: unknown, origin?: string): Promise<ConnectRefusal> {
  const socket = connect(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, ...(origin ? { extraHeaders: { Origin: origin } } : {}) });
  sockets.push(socket);
  return new Promise((resolve) => socket.once('connect_error', (err: Error & { data?: unknown }) => resolve({ message: err.message, data: err.data as ConnectRefusal['data'] })));
}

/** The first `name` event whose payload (typed by the caller, as the protocol defines it) matches. */
function waitFor<T>(events: Received, name: string, pred: (p: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const tick = () => {
      const hit = events.find((e) => e.name === name && pred(e.payload as T));
      if (hit) resolve(hit.payload as T);
      else setTimeout(tick, 10);
    };
    tick();
  });
}

async function queuedConversation(name = 'Quinn') {
  const customer = await h.stores.customers.create({ visitorToken: newToken(), name });
  const conv = await h.dialogue.escalate(customer.id, 'widget', 'asked');
  return { customerId: customer.id, conversationId: conv.id };
}

describe('/agent handshake', () => {
  it('refuses missing, forged, expired and malformed handshakes with the protocol codes', async () => {
    const agent = await h.staff('agent');
    const missing = await refused({});
    expect(missing.message).toBe('ERR_AUTH_INVALID');
    expect(missing.data).toMatchObject({ error: { code: 'ERR_AUTH_INVALID' } });
    const stored = (await h.stores.users.get(agent.id))!;
    const forged = await signAccessToken(stored, 'wrong-secret-wrong-secret-wrong-secret!!');
    expect((await refused({ token: forged })).message).toBe('ERR_AUTH_INVALID');
    const expired = await signAccessToken(stored, 'test-jwt-secret-test-jwt-secret-0123456789', -5);
    expect((await refused({ token: expired })).message).toBe('ERR_AUTH_INVALID');
    const extra = await refused({ token: tokenOf(agent.auth), role: 'admin' });
    expect(extra.message).toBe('ERR_VALIDATION');
    expect(extra.data.error.details?.issues).toBeDefined();
    expect((await refused({ token: tokenOf(agent.auth) }, 'https://evil.example')).message).toBe('ERR_ORIGIN_FORBIDDEN');
  });

  it('accepts browser handshakes from the configured console origin', async () => {
    const agent = await h.staff('agent');
    const socket = connect(url, { auth: { token: tokenOf(agent.auth) }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { Origin: 'https://console.example' } });
    sockets.push(socket);
    const queue = await new Promise<Queue>((resolve, reject) => {
      socket.once('queue', resolve);
      socket.once('connect_error', reject);
    });
    expect(queue.conversations).toEqual([]);
  });

  it('sends the queue on connect and updates it live', async () => {
    const first = await queuedConversation();
    const agent = await h.staff('agent');
    const a = await agentSocket({ token: tokenOf(agent.auth) });
    expect(a.queue.conversations).toEqual([expect.objectContaining({ id: first.conversationId, state: 'queued', customer: expect.objectContaining({ name: 'Quinn' }) })]);
    const second = await queuedConversation('Rae');
    const update = await waitFor<Queue>(a.events, 'queue', (q) => q.conversations.some((c) => c.id === second.conversationId));
    expect(update.conversations).toHaveLength(2);
    const summary = await waitFor<ConversationSummary>(a.events, 'conversation', (c) => c.id === second.conversationId);
    expect(summary).toMatchObject({ state: 'queued', assignee: null });
  });
});

describe('/agent events', () => {
  it('claim race: exactly one of two agents wins; only the assignee may reply and receives the customer messages', async () => {
    const { customerId, conversationId } = await queuedConversation();
    const [u1, u2] = [await h.staff('agent'), await h.staff('agent')];
    const a1 = await agentSocket({ token: tokenOf(u1.auth) });
    const a2 = await agentSocket({ token: tokenOf(u2.auth) });
    const acks = await Promise.all([a1.socket.emitWithAck('claim', { conversationId }), a2.socket.emitWithAck('claim', { conversationId })]);
    const winners = acks.filter((a) => a.ok);
    const losers = acks.filter((a) => !a.ok);
    expect(winners).toHaveLength(1);
    expect(losers[0].error.code).toBe('ERR_CONVERSATION_ALREADY_CLAIMED');
    const [winner, loser, winnerUser] = acks[0].ok ? [a1, a2, u1] : [a2, a1, u2];
    expect((await h.stores.conversations.get(conversationId))?.assignee?.id).toBe(winnerUser.id);
    expect((await h.stores.audit.list({ action: 'conversation.claim' })).items).toHaveLength(1);

    const denied = await loser.socket.emitWithAck('message', { conversationId, clientMessageId: 'x1', text: 'hi from the loser' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'ERR_CONVERSATION_NOT_ASSIGNED' } });
    const sent = await winner.socket.emitWithAck('message', { conversationId, clientMessageId: 'w1', text: '  Hello, I am here  ' });
    expect(sent).toMatchObject({ ok: true, messageId: expect.any(String), duplicate: false });
    const again = await winner.socket.emitWithAck('message', { conversationId, clientMessageId: 'w1', text: 'different text' });
    expect(again).toMatchObject({ ok: true, messageId: sent.messageId, duplicate: true });
    const stored = await h.stores.conversations.recentMessages(conversationId);
    expect(stored.filter((m) => m.author === 'agent').map((m) => m.text)).toEqual(['Hello, I am here']);

    await h.dialogue.handle({ channel: 'widget', customerId, clientMessageId: 'c1', senderKey: `customer:${customerId}`, text: '<b>thanks</b>' });
    const msg = await waitFor(winner.events, 'message');
    expect(msg).toMatchObject({ conversationId, author: 'customer', text: '<b>thanks</b>' });
    expect(loser.events.filter((e) => e.name === 'message')).toEqual([]);

    await h.dialogue.typing(conversationId, 'customer', true);
    expect(await waitFor(winner.events, 'typing')).toEqual({ conversationId, author: 'customer', typing: true });

    // Agent typing reaches the customer only from the assignee.
    const typed: { author: string; typing: boolean }[] = [];
    h.dialogue.events.on('typing', ({ author, typing }) => {
      if (author === 'agent') typed.push({ author, typing });
    });
    loser.socket.emit('typing', { conversationId, typing: true });
    await loser.socket.emitWithAck('suggest', { conversationId });
    winner.socket.emit('typing', { conversationId, typing: true });
    while (typed.length === 0) await new Promise((r) => setTimeout(r, 10));
    expect(typed).toEqual([{ author: 'agent', typing: true }]);

    const tooLong = await winner.socket.emitWithAck('message', { conversationId, clientMessageId: 'w2', text: 'x'.repeat(4001) });
    expect(tooLong.error.code).toBe('ERR_MESSAGE_TOO_LONG');
    const strict = await winner.socket.emitWithAck('claim', { conversationId, force: true });
    expect(strict.error.code).toBe('ERR_VALIDATION');
    const mine = await winner.socket.emitWithAck('claim', { conversationId });
    expect(mine.error.code).toBe('ERR_CONVERSATION_ALREADY_CLAIMED');
  });

  it('release is for the assignee (or an admin); close works for any agent while queued; both are audited', async () => {
    const { conversationId } = await queuedConversation();
    const [u1, u2] = [await h.staff('agent'), await h.staff('agent')];
    const a1 = await agentSocket({ token: tokenOf(u1.auth) });
    const a2 = await agentSocket({ token: tokenOf(u2.auth) });
    expect((await a1.socket.emitWithAck('claim', { conversationId })).ok).toBe(true);
    const notMine = await a2.socket.emitWithAck('release', { conversationId });
    expect(notMine.ok).toBe(false);
    expect((await a1.socket.emitWithAck('release', { conversationId })).ok).toBe(true);
    expect((await h.stores.conversations.get(conversationId))?.state).toBe('bot');
    const summary = await waitFor<ConversationSummary>(a2.events, 'conversation', (c) => c.id === conversationId && c.state === 'bot');
    expect(summary.assignee).toBeNull();

    const other = await queuedConversation('Sam');
    expect((await a2.socket.emitWithAck('close', { conversationId: other.conversationId })).ok).toBe(true);
    expect((await h.stores.conversations.get(other.conversationId))?.state).toBe('closed');
    const closedAgain = await a1.socket.emitWithAck('claim', { conversationId: other.conversationId });
    expect(closedAgain.error.code).toBe('ERR_CONVERSATION_ILLEGAL_TRANSITION');
    const actions = (await h.stores.audit.list()).items.map((e) => e.action).sort();
    expect(actions).toEqual(['conversation.claim', 'conversation.close', 'conversation.release']);
    const unknown = await a1.socket.emitWithAck('claim', { conversationId: 'nope' });
    expect(unknown.error.code).toBe('ERR_CONVERSATION_NOT_FOUND');
  });

  it('suggests FAQ answers for the last customer message', async () => {
    await h.knowledge.create({ id: 'hours', question: 'What are your opening hours?', answer: 'Mon-Fri 9-17.', alternates: [], tags: [] });
    const customer = await h.stores.customers.create({ visitorToken: newToken() });
    const conv = await h.dialogue.escalate(customer.id, 'widget');
    await h.dialogue.handle({ channel: 'widget', customerId: customer.id, clientMessageId: 'q', senderKey: `customer:${customer.id}`, text: 'what are your opening hours' });
    const u = await h.staff('agent');
    const a = await agentSocket({ token: tokenOf(u.auth) });
    const ack = await a.socket.emitWithAck('suggest', { conversationId: conv.id });
    expect(ack.ok).toBe(true);
    expect(ack.hits[0]).toMatchObject({ faqId: 'hours', answer: 'Mon-Fri 9-17.' });
  });
});

describe('/agent revocation (removed, demoted or re-passworded staff)', () => {
  it("a deleted agent's open socket can no longer claim, and is disconnected", async () => {
    const { conversationId } = await queuedConversation();
    const agent = await h.staff('agent');
    const a = await agentSocket({ token: tokenOf(agent.auth) });
    const dropped = new Promise<void>((resolve) => a.socket.once('disconnect', () => resolve()));
    await h.stores.users.delete(agent.id);
    const ack = await a.socket.emitWithAck('claim', { conversationId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'ERR_AUTH_INVALID' } });
    await dropped;
    expect((await h.stores.conversations.get(conversationId))?.state).toBe('queued');
  });

  it('a demoted admin loses admin powers on the socket it already has', async () => {
    const { conversationId } = await queuedConversation();
    const [owner, boss] = [await h.staff('agent'), await h.staff('admin')];
    const o = await agentSocket({ token: tokenOf(owner.auth) });
    const b = await agentSocket({ token: tokenOf(boss.auth) });
    expect(await o.socket.emitWithAck('claim', { conversationId })).toMatchObject({ ok: true });
    await h.stores.users.update(boss.id, { role: 'agent' });
    const ack = await b.socket.emitWithAck('release', { conversationId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'ERR_CONVERSATION_NOT_ASSIGNED' } });
    expect((await h.stores.conversations.get(conversationId))?.assignee?.id).toBe(owner.id);
  });

  it('a password change revokes the tokens issued before it: no new socket, and the open one is refused', async () => {
    const { conversationId } = await queuedConversation();
    const agent = await h.staff('agent');
    const a = await agentSocket({ token: tokenOf(agent.auth) });
    await h.stores.users.update(agent.id, { passwordHash: await hashPassword('a brand new password') });
    expect((await refused({ token: tokenOf(agent.auth) })).message).toBe('ERR_AUTH_INVALID');
    expect(await a.socket.emitWithAck('claim', { conversationId })).toMatchObject({ ok: false, error: { code: 'ERR_AUTH_INVALID' } });
  });
});
