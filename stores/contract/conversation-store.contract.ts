import { describe, expect, it } from '@jest/globals';
import type { Actor, ConversationState, Stores, TransitionEvent } from '../../core/index.js';
import { errorCode, useStores, walkPages, type StoresFactory } from './harness.js';

const bot: Actor = { kind: 'bot' };
const agent = (id: string): Actor => ({ kind: 'agent', id, name: id });
const at = () => new Date().toISOString();

async function conversationIn(s: Stores, state: ConversationState): Promise<string> {
  const customer = await s.customers.create({});
  const c = await s.conversations.create({ customerId: customer.id, channel: 'widget' });
  const path: Record<ConversationState, TransitionEvent[]> = {
    bot: [],
    queued: ['escalate'],
    agent: ['claim'],
    closed: ['close'],
  };
  for (const event of path[state]) {
    const assignee = event === 'claim' ? { id: 'a0', name: 'A0' } : undefined;
    await s.conversations.transition(c.id, { event, actor: bot, at: at(), ...(assignee ? { assignee } : {}) });
  }
  return c.id;
}

export function describeConversationStore(make: StoresFactory): void {
  describe('ConversationStore: conversations and state machine', () => {
    const stores = useStores(make);

    it('creates a bot-state conversation and finds it open and latest for its customer', async () => {
      const customer = await stores().customers.create({});
      const c = await stores().conversations.create({ customerId: customer.id, channel: 'webhook' });
      expect(c).toMatchObject({ state: 'bot', assignee: null, version: 0, escalated: false, csat: null });
      expect(await stores().conversations.get(c.id)).toEqual(c);
      expect(await stores().conversations.findOpen(customer.id)).toEqual(c);
      await stores().conversations.transition(c.id, { event: 'close', actor: bot, at: at() });
      expect(await stores().conversations.findOpen(customer.id)).toBeNull();
      expect((await stores().conversations.findLatest(customer.id))?.state).toBe('closed');
      const next = await stores().conversations.create({ customerId: customer.id, channel: 'widget' });
      expect((await stores().conversations.findLatest(customer.id))?.id).toBe(next.id);
      expect(await stores().conversations.get('missing')).toBeNull();
    });

    it('updates policy counters and summary fields with a version bump, 404 when missing', async () => {
      const id = await conversationIn(stores(), 'bot');
      const lastMessage = { author: 'customer' as const, text: 'hi', createdAt: at() };
      const u = await stores().conversations.update(id, { consecutiveFallbacks: 2, lastIntent: 'greet', lastMessage });
      expect(u).toMatchObject({ consecutiveFallbacks: 2, lastIntent: 'greet', lastMessage, state: 'bot', version: 1 });
      expect(await stores().conversations.get(id)).toEqual(u);
      expect(await errorCode(stores().conversations.update('missing', { negativeStreak: 1 }))).toBe(
        'ERR_CONVERSATION_NOT_FOUND',
      );
    });

    it('keeps the dialogue state (open form, last topic) typed on the conversation; null clears it; transitions keep it', async () => {
      const id = await conversationIn(stores(), 'bot');
      const s = stores().conversations;
      expect((await s.get(id))?.dialogue).toBeUndefined();
      const long = 'x'.repeat(4000);
      const dialogue = {
        form: {
          intent: 'order_status',
          values: { order: { text: 'A12345', value: 'A12345' }, note: { text: long, value: long }, qty: { text: 'two', value: 2 } },
          pending: { kind: 'slot' as const, slot: 'email', attempts: 1 },
          startedAt: at(),
          updatedAt: at(),
        },
        topic: { kind: 'intent' as const, id: 'refund', label: 'refund', at: at() },
      };
      expect((await s.update(id, { dialogue })).dialogue).toEqual(dialogue);
      expect((await s.get(id))?.dialogue).toEqual(dialogue);
      await s.update(id, { negativeStreak: 1 });
      expect((await s.get(id))?.dialogue).toEqual(dialogue);
      const moved = await s.transition(id, { event: 'escalate', actor: { kind: 'bot' }, at: at() });
      expect(moved.conversation.dialogue).toEqual(dialogue);
      const cleared = await s.update(id, { dialogue: null });
      expect(cleared.dialogue).toBeUndefined();
      expect(await s.get(id)).toEqual(cleared);
    });

    it('stores the conversation language and the customer locale, and keeps them through other updates', async () => {
      const id = await conversationIn(stores(), 'bot');
      expect(await stores().conversations.get(id)).not.toHaveProperty('language');
      await stores().conversations.update(id, { language: 'zh', locale: 'zh-CN' });
      const u = await stores().conversations.update(id, { negativeStreak: 1, language: undefined });
      expect(u).toMatchObject({ language: 'zh', locale: 'zh-CN', negativeStreak: 1 });
      expect(await stores().conversations.get(id)).toEqual(u);
    });

    it('walks every legal transition and logs one event per move', async () => {
      const id = await conversationIn(stores(), 'bot');
      const s = stores().conversations;
      const esc = await s.transition(id, { event: 'escalate', actor: { kind: 'customer' }, reason: 'asked', at: at() });
      expect(esc.conversation).toMatchObject({ state: 'queued', escalated: true });
      expect(esc.conversation.waitingSince).not.toBeNull();
      const claim = await s.transition(id, { event: 'claim', actor: agent('a1'), assignee: { id: 'a1', name: 'Ann' }, at: at() });
      expect(claim.conversation).toMatchObject({ state: 'agent', assignee: { id: 'a1', name: 'Ann' }, waitingSince: null });
      expect(claim.conversation.firstClaimedAt).not.toBeNull();
      const release = await s.transition(id, { event: 'release', actor: agent('a1'), at: at() });
      expect(release.conversation).toMatchObject({ state: 'bot', assignee: null });
      const direct = await s.transition(id, { event: 'claim', actor: agent('a2'), assignee: { id: 'a2', name: 'Bo' }, at: at() });
      expect(direct.conversation.firstClaimedAt).toBe(claim.conversation.firstClaimedAt);
      const close = await s.transition(id, { event: 'close', actor: agent('a2'), at: at() });
      expect(close.conversation.state).toBe('closed');
      expect(close.conversation.closedAt).not.toBeNull();
      expect(close.conversation.version).toBe(5);
      expect(await s.get(id)).toEqual(close.conversation);
      const events = await s.listEvents(id);
      expect(events.map((e) => `${e.event}:${e.from}->${e.to}`)).toEqual([
        'escalate:bot->queued',
        'claim:queued->agent',
        'release:agent->bot',
        'claim:bot->agent',
        'close:agent->closed',
      ]);
      expect(events[0]).toMatchObject({ actor: { kind: 'customer' }, reason: 'asked', conversationId: id });
      expect(events[4]).toEqual(close.event);
    });

    it('closes from every open state', async () => {
      for (const state of ['bot', 'queued', 'agent'] as const) {
        const id = await conversationIn(stores(), state);
        const { conversation, event } = await stores().conversations.transition(id, { event: 'close', actor: bot, at: at() });
        expect([conversation.state, event.from, conversation.waitingSince]).toEqual(['closed', state, null]);
      }
    });

    it('refuses illegal transitions and leaves the conversation untouched', async () => {
      const illegal: [ConversationState, TransitionEvent][] = [
        ['bot', 'release'],
        ['queued', 'escalate'],
        ['queued', 'release'],
        ['agent', 'escalate'],
        ['closed', 'escalate'],
        ['closed', 'claim'],
        ['closed', 'release'],
        ['closed', 'close'],
      ];
      for (const [state, event] of illegal) {
        const id = await conversationIn(stores(), state);
        const before = await stores().conversations.get(id);
        const assignee = event === 'claim' ? { assignee: { id: 'x', name: 'X' } } : {};
        const code = await errorCode(stores().conversations.transition(id, { event, actor: bot, at: at(), ...assignee }));
        expect(`${state}/${event}: ${code}`).toBe(`${state}/${event}: ERR_CONVERSATION_ILLEGAL_TRANSITION`);
        expect(await stores().conversations.get(id)).toEqual(before);
        expect((await stores().conversations.listEvents(id)).length).toBe(state === 'bot' ? 0 : 1);
      }
      expect(await errorCode(stores().conversations.transition('missing', { event: 'close', actor: bot, at: at() }))).toBe(
        'ERR_CONVERSATION_NOT_FOUND',
      );
    });

    it('lets exactly one of many concurrent claims win; the others get ERR_CONVERSATION_ALREADY_CLAIMED', async () => {
      const id = await conversationIn(stores(), 'queued');
      const results = await Promise.allSettled(
        ['a1', 'a2', 'a3', 'a4'].map((a) =>
          stores().conversations.transition(id, { event: 'claim', actor: agent(a), assignee: { id: a, name: a }, at: at() }),
        ),
      );
      const winners = results.filter((r) => r.status === 'fulfilled');
      const losers = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code?: string }).code);
      expect(winners).toHaveLength(1);
      expect(losers).toEqual(['ERR_CONVERSATION_ALREADY_CLAIMED', 'ERR_CONVERSATION_ALREADY_CLAIMED', 'ERR_CONVERSATION_ALREADY_CLAIMED']);
      const stored = await stores().conversations.get(id);
      const winner = winners[0]?.status === 'fulfilled' ? winners[0].value.conversation : null;
      expect(stored?.assignee).toEqual(winner?.assignee);
      expect((await stores().conversations.listEvents(id)).filter((e) => e.event === 'claim')).toHaveLength(1);
    });

    it('stores CSAT once, only after close', async () => {
      const open = await conversationIn(stores(), 'bot');
      const csat = { score: 4, comment: 'quick', at: at() };
      expect(await errorCode(stores().conversations.setCsat(open, csat))).toBe('ERR_CONVERSATION_NOT_CLOSED');
      const closed = await conversationIn(stores(), 'closed');
      const rated = await stores().conversations.setCsat(closed, csat);
      expect(rated.csat).toEqual(csat);
      expect(await errorCode(stores().conversations.setCsat(closed, { score: 1, at: at() }))).toBe('ERR_CSAT_ALREADY_GIVEN');
      expect((await stores().conversations.get(closed))?.csat).toEqual(csat);
      expect(await errorCode(stores().conversations.setCsat('missing', csat))).toBe('ERR_CONVERSATION_NOT_FOUND');
    });

    it('lists by state and customer, newest first, through every page', async () => {
      const customer = await stores().customers.create({});
      const mine: string[] = [];
      for (let i = 0; i < 7; i++) {
        const c = await stores().conversations.create({ customerId: customer.id, channel: 'widget' });
        if (i % 2 === 0) await stores().conversations.transition(c.id, { event: 'escalate', actor: bot, at: at() });
        mine.push(c.id);
      }
      const all = (await walkPages((p) => stores().conversations.list({ ...p, customerId: customer.id }), 3)).flat();
      expect(all.map((c) => c.id)).toEqual([...mine].reverse());
      const queued = (
        await walkPages((p) => stores().conversations.list({ ...p, customerId: customer.id, states: ['queued'] }), 2)
      ).flat();
      expect(queued.map((c) => c.id)).toEqual([mine[6], mine[4], mine[2], mine[0]]);
      const everyQueued = (await walkPages((p) => stores().conversations.list({ ...p, states: ['queued', 'agent'] }), 4)).flat();
      expect(everyQueued.every((c) => c.state === 'queued' || c.state === 'agent')).toBe(true);
      expect(new Set(everyQueued.map((c) => c.id)).size).toBe(everyQueued.length);
      expect(everyQueued.map((c) => c.id)).toEqual(expect.arrayContaining(queued.map((c) => c.id)));
    });

    it('reassigns conversations from an anonymous customer to an identified one', async () => {
      const anon = await stores().customers.create({});
      const known = await stores().customers.create({});
      await stores().conversations.create({ customerId: anon.id, channel: 'widget' });
      await stores().conversations.create({ customerId: anon.id, channel: 'widget' });
      expect(await stores().conversations.reassignCustomer(anon.id, known.id)).toBe(2);
      expect((await stores().conversations.list({ customerId: known.id })).items).toHaveLength(2);
      expect(await stores().conversations.findLatest(anon.id)).toBeNull();
    });
  });
}
