import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ConversationEventMap, Message } from '../../core/index.js';
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

async function say(customerId: string, text: string): Promise<Message[]> {
  const r = await h.dialogue.handle(h.inbound(customerId, text));
  return r.processed;
}

describe('dialogue turns', () => {
  it('answers a greeting, emits the customer message, typing around the reply, and logs the interaction', async () => {
    const customerId = await h.newCustomer();
    const seen: string[] = [];
    h.dialogue.events.on('message', ({ message }) => seen.push(`message:${message.author}`));
    h.dialogue.events.on('typing', ({ typing }) => seen.push(`typing:${typing}`));
    const r = await h.dialogue.handle(h.inbound(customerId, '  hello there  '));
    expect(r.duplicate).toBe(false);
    expect(r.message).toMatchObject({ author: 'customer', text: 'hello there', conversationId: r.conversationId });
    const out = await r.processed;
    expect(out).toEqual([expect.objectContaining({ author: 'bot', text: 'Hello! How can I help you today?', inReplyTo: r.message.id })]);
    expect(seen).toEqual(['message:customer', 'typing:true', 'message:bot', 'typing:false']);

    await h.dialogue.drain();
    const { items } = await h.stores.interactions.list({ conversationId: r.conversationId });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      conversationId: r.conversationId,
      customerId,
      messageId: r.message.id,
      channel: 'widget',
      text: 'hello there',
      intent: { name: 'greeting', confidence: 0.9 },
      alternatives: [],
      entities: [],
      sentiment: { label: 'neutral' },
      outOfScope: false,
      faqHits: [],
      decision: 'intent',
    });
    expect(items[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    const customer = await h.stores.customers.get(customerId);
    expect(customer?.stats).toMatchObject({ messageCount: 1, conversationCount: 1, sentimentCount: 1, fallbacks: 0 });
    const conv = await h.stores.conversations.get(r.conversationId);
    expect(conv).toMatchObject({ state: 'bot', lastIntent: 'greeting', lastMessage: { author: 'bot' } });
  });

  it('answers from the FAQ and records the hits with their scores', async () => {
    const customerId = await h.newCustomer();
    const out = await say(customerId, 'I want my money back, how does a refund work?');
    expect(out.map((m) => m.text)).toEqual(['Refunds are issued within 14 days from the Orders page.']);
    await h.dialogue.drain();
    const { items } = await h.stores.interactions.list({ customerId });
    expect(items[0]).toMatchObject({ decision: 'faq', outOfScope: true, faqHits: [{ faqId: 'refunds', score: 10, calibrated: 1 }] });
  });

  it('clarifies with suggestions when the FAQ is ambiguous', async () => {
    const customerId = await h.newCustomer();
    const [reply] = await say(customerId, 'password');
    expect(reply).toMatchObject({ author: 'bot', text: replies.clarify });
    expect(reply!.suggestions?.map((s) => s.text).sort()).toEqual(['How do I change my password?', 'How do I reset my password?']);
  });

  it('falls back, then escalates on the second consecutive miss and goes silent', async () => {
    const customerId = await h.newCustomer();
    const statuses: ConversationEventMap['status'][] = [];
    h.dialogue.events.on('status', (s) => statuses.push(s));
    expect((await say(customerId, 'my flux capacitor is leaking')).map((m) => m.text)).toEqual([replies.fallback]);
    const second = await say(customerId, 'the flux thing, leaking!!');
    expect(second).toEqual([expect.objectContaining({ author: 'system', text: replies.connecting })]);
    expect(statuses.map((s) => [s.event.event, s.event.actor.kind, s.conversation.state])).toEqual([['escalate', 'bot', 'queued']]);
    expect(await say(customerId, 'hello?')).toEqual([]);

    await h.dialogue.drain();
    const decisions = (await h.stores.interactions.list({ customerId })).items.map((i) => i.decision).reverse();
    expect(decisions).toEqual(['fallback', 'escalate', 'handoff']);
    const customer = await h.stores.customers.get(customerId);
    expect(customer?.stats).toMatchObject({ messageCount: 3, fallbacks: 1, escalations: 1 });
    const events = await h.stores.conversations.listEvents(second[0]!.conversationId);
    expect(events.map((e) => [e.event, e.reason])).toEqual([['escalate', 'fallbacks']]);
  });

  it('escalates when the customer asks for a human', async () => {
    const customerId = await h.newCustomer();
    const out = await say(customerId, 'can I talk to a real person');
    expect(out.map((m) => m.author)).toEqual(['system']);
    const conv = await h.stores.conversations.findOpen(customerId);
    expect(conv).toMatchObject({ state: 'queued', escalated: true });
  });

  it('escalates on a negative-sentiment streak even though it could answer', async () => {
    const customerId = await h.newCustomer();
    expect((await say(customerId, 'this is terrible, where is my refund')).map((m) => m.author)).toEqual(['bot']);
    expect((await say(customerId, 'awful service, I want a refund')).map((m) => m.text)).toEqual([replies.connecting]);
    const events = await h.stores.conversations.listEvents((await h.stores.conversations.findOpen(customerId))!.id);
    expect(events[0]).toMatchObject({ event: 'escalate', reason: 'negative' });
  });

  it('asks for a missing slot and completes the answer with the next message', async () => {
    const customerId = await h.newCustomer();
    expect((await say(customerId, 'where is my order')).map((m) => m.text)).toEqual(["What's your order number?"]);
    expect((await say(customerId, 'it is 123456')).map((m) => m.text)).toEqual(['Order 123456 is on its way and arrives in 2 days.']);
    expect((await say(customerId, 'where is my order 777777')).map((m) => m.text)).toEqual(['Order 777777 is on its way and arrives in 2 days.']);
  });

  it('refuses text over 4000 code points and stores nothing', async () => {
    const customerId = await h.newCustomer();
    await expect(h.dialogue.handle(h.inbound(customerId, '😀'.repeat(4001)))).rejects.toMatchObject({ code: 'ERR_MESSAGE_TOO_LONG' });
    expect(await h.stores.conversations.findOpen(customerId)).toBeNull();
  });
});
