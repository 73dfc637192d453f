import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ConversationEventMap } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { replies } from '../policy/replies.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ openStores });
});
afterEach(async () => {
  await h.close();
});

const ann = { id: 'u-ann', name: 'Ann' };
const bob = { id: 'u-bob', name: 'Bob' };

async function queuedConversation(): Promise<{ customerId: string; conversationId: string }> {
  const customerId = await h.newCustomer();
  const conv = await h.dialogue.escalate(customerId, 'widget', 'wants a person');
  expect(conv.state).toBe('queued');
  return { customerId, conversationId: conv.id };
}

describe('handoff', () => {
  it('escalate() creates the conversation, announces it once, and is idempotent while queued', async () => {
    const { customerId, conversationId } = await queuedConversation();
    const again = await h.dialogue.escalate(customerId, 'widget');
    expect(again).toMatchObject({ id: conversationId, state: 'queued' });
    const history = await h.stores.conversations.recentMessages(conversationId);
    expect(history.map((m) => [m.author, m.text])).toEqual([['system', replies.connecting]]);
    const events = await h.stores.conversations.listEvents(conversationId);
    expect(events).toEqual([expect.objectContaining({ event: 'escalate', actor: { kind: 'customer', id: customerId }, reason: 'wants a person' })]);
    expect((await h.stores.customers.get(customerId))?.stats.escalations).toBe(1);
  });

  it('two concurrent claims: exactly one wins, the other gets ERR_CONVERSATION_ALREADY_CLAIMED', async () => {
    const { conversationId } = await queuedConversation();
    const results = await Promise.allSettled([h.dialogue.claim(conversationId, ann), h.dialogue.claim(conversationId, bob)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'ERR_CONVERSATION_ALREADY_CLAIMED' });
    const conv = await h.stores.conversations.get(conversationId);
    const winner = (won[0] as PromiseFulfilledResult<{ conversation: { assignee: unknown } }>).value.conversation.assignee;
    expect(conv?.assignee).toEqual(winner);
    const joined = (await h.stores.conversations.recentMessages(conversationId)).filter((m) => m.text.endsWith('joined'));
    expect(joined).toHaveLength(1);
  });

  it('keeps the bot silent (no reply, no typing) while queued and while an agent owns it; messages reach the agent', async () => {
    const { customerId, conversationId } = await queuedConversation();
    const typing: unknown[] = [];
    const forwarded: string[] = [];
    h.dialogue.events.on('typing', (t) => typing.push(t));
    h.dialogue.events.on('message', ({ message }) => forwarded.push(`${message.author}:${message.text}`));
    expect(await (await h.dialogue.handle(h.inbound(customerId, 'hello?'))).processed).toEqual([]);
    await h.dialogue.claim(conversationId, ann);
    expect(await (await h.dialogue.handle(h.inbound(customerId, 'hello, where is my order'))).processed).toEqual([]);
    expect(typing).toEqual([]);
    expect(forwarded).toEqual(['customer:hello?', 'system:Ann joined', 'customer:hello, where is my order']);
    await h.dialogue.drain();
    const decisions = (await h.stores.interactions.list({ conversationId })).items.map((i) => i.decision);
    expect(decisions).toEqual(['handoff', 'handoff']);
    const authors = (await h.stores.conversations.recentMessages(conversationId)).map((m) => m.author);
    expect(authors).not.toContain('bot');
    expect(await h.stores.conversations.get(conversationId)).toMatchObject({ lastMessage: { author: 'customer', text: 'hello, where is my order' } });
  });

  it('only the assignee can send agent messages; retries are idempotent per agent and carry the agent name', async () => {
    const { conversationId } = await queuedConversation();
    await expect(h.dialogue.agentMessage({ conversationId, agent: ann, clientMessageId: 'a1', text: 'Hi' })).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_ASSIGNED' });
    await h.dialogue.claim(conversationId, ann);
    await expect(h.dialogue.agentMessage({ conversationId, agent: bob, clientMessageId: 'b1', text: 'Hi' })).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_ASSIGNED' });
    const first = await h.dialogue.agentMessage({ conversationId, agent: ann, clientMessageId: 'a1', text: 'Hi, Ann here' });
    const retry = await h.dialogue.agentMessage({ conversationId, agent: ann, clientMessageId: 'a1', text: 'Hi, Ann here (retry)' });
    expect(first).toMatchObject({ duplicate: false, message: { author: 'agent', agentName: 'Ann', text: 'Hi, Ann here' } });
    expect(retry).toEqual({ duplicate: true, message: first.message });
    const agentLines = (await h.stores.conversations.recentMessages(conversationId)).filter((m) => m.author === 'agent');
    expect(agentLines).toHaveLength(1);
  });

  it('claim from closed is an illegal transition; claim straight from bot works', async () => {
    const customerId = await h.newCustomer();
    const r = await h.dialogue.handle(h.inbound(customerId, 'hello'));
    await r.processed;
    const { conversation, event } = await h.dialogue.claim(r.conversationId, ann);
    expect(conversation).toMatchObject({ state: 'agent', assignee: ann });
    expect(event).toMatchObject({ event: 'claim', from: 'bot', to: 'agent', actor: { kind: 'agent', id: ann.id } });
    await expect(h.dialogue.claim(r.conversationId, ann)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_ALREADY_CLAIMED' });
    await h.dialogue.close(r.conversationId, ann);
    await expect(h.dialogue.claim(r.conversationId, bob)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_ILLEGAL_TRANSITION' });
  });

  it('release hands the conversation back to the bot (assignee or admin only)', async () => {
    const { customerId, conversationId } = await queuedConversation();
    await h.dialogue.claim(conversationId, ann);
    await expect(h.dialogue.release(conversationId, bob)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_ASSIGNED' });
    const conv = await h.dialogue.release(conversationId, bob, { isAdmin: true });
    expect(conv).toMatchObject({ state: 'bot', assignee: null });
    const out = await (await h.dialogue.handle(h.inbound(customerId, 'hello'))).processed;
    expect(out.map((m) => m.author)).toEqual(['bot']);
    await expect(h.dialogue.release(conversationId, ann)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_ILLEGAL_TRANSITION' });
  });

  it('close: assignee, or any agent while queued; emits status then csat:request', async () => {
    const queued = await queuedConversation();
    const seen: string[] = [];
    h.dialogue.events.on('status', ({ conversation }) => seen.push(`status:${conversation.state}`));
    h.dialogue.events.on('message', ({ message }) => seen.push(`message:${message.text}`));
    h.dialogue.events.on('csat:request', ({ conversation }) => seen.push(`csat:request:${conversation.id === queued.conversationId}`));
    await h.dialogue.close(queued.conversationId, bob);
    expect(seen).toEqual(['status:closed', `message:${replies.closed}`, 'csat:request:true']);

    const owned = await queuedConversation();
    await h.dialogue.claim(owned.conversationId, ann);
    await expect(h.dialogue.close(owned.conversationId, bob)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_ASSIGNED' });
    await expect(h.dialogue.close(owned.conversationId, ann)).resolves.toMatchObject({ state: 'closed' });
    await expect(h.dialogue.close(owned.conversationId, ann)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_ILLEGAL_TRANSITION' });
    await expect(h.dialogue.close('nope', ann)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_FOUND' });
  });

  it('a message after close starts a new conversation', async () => {
    const { customerId, conversationId } = await queuedConversation();
    await h.dialogue.close(conversationId, ann);
    const r = await h.dialogue.handle(h.inbound(customerId, 'hello again'));
    expect(r.conversationId).not.toBe(conversationId);
    expect((await r.processed).map((m) => m.author)).toEqual(['bot']);
    expect((await h.stores.customers.get(customerId))?.stats.conversationCount).toBe(2);
  });

  it('CSAT is stored once, only after close, only by the owner, and updates the profile', async () => {
    const { customerId, conversationId } = await queuedConversation();
    const stranger = await h.newCustomer();
    const csatEvents: ConversationEventMap['csat'][] = [];
    h.dialogue.events.on('csat', (e) => csatEvents.push(e));
    await expect(h.dialogue.submitCsat(customerId, { conversationId, score: 5 })).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_CLOSED' });
    await h.dialogue.close(conversationId, ann);
    await expect(h.dialogue.submitCsat(stranger, { conversationId, score: 1 })).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_FOUND' });
    const results = await Promise.allSettled([
      h.dialogue.submitCsat(customerId, { conversationId, score: 4, comment: 'quick' }),
      h.dialogue.submitCsat(customerId, { conversationId, score: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'ERR_CSAT_ALREADY_GIVEN' });
    const conv = await h.stores.conversations.get(conversationId);
    expect(conv?.csat?.score).toBeDefined();
    const stats = (await h.stores.customers.get(customerId))?.stats;
    expect(stats).toMatchObject({ csatCount: 1, csatSum: conv?.csat?.score, lastCsat: conv?.csat?.score });
    expect(csatEvents).toHaveLength(1);
  });

  it('forwards typing to listeners, but not for closed conversations', async () => {
    const { conversationId } = await queuedConversation();
    const typing: string[] = [];
    h.dialogue.events.on('typing', ({ author, typing: t }) => typing.push(`${author}:${t}`));
    await h.dialogue.typing(conversationId, 'customer', true);
    await h.dialogue.close(conversationId, ann);
    await h.dialogue.typing(conversationId, 'agent', true);
    expect(typing).toEqual(['customer:true']);
    await expect(h.dialogue.typing('missing', 'agent', true)).rejects.toMatchObject({ code: 'ERR_CONVERSATION_NOT_FOUND' });
  });
});
