import { describe, expect, it } from '@jest/globals';
import type { Stores } from '../../core/index.js';
import { errorCode, sorted, useStores, walkPages, type StoresFactory } from './harness.js';

async function newConversation(s: Stores): Promise<{ conversationId: string; customerId: string }> {
  const customer = await s.customers.create({});
  const c = await s.conversations.create({ customerId: customer.id, channel: 'widget' });
  return { conversationId: c.id, customerId: customer.id };
}

export function describeMessages(make: StoresFactory): void {
  describe('ConversationStore: messages', () => {
    const stores = useStores(make);

    it('appends and reads back a message with its optional fields', async () => {
      const { conversationId } = await newConversation(stores());
      const suggestions = [{ label: 'Shipping', text: 'How long does shipping take?' }];
      const { message, duplicate } = await stores().conversations.appendMessage({
        conversationId,
        author: 'agent',
        text: 'Hello there',
        agentName: 'Ann',
        suggestions,
      });
      expect(duplicate).toBe(false);
      expect(message).toMatchObject({ conversationId, author: 'agent', text: 'Hello there', agentName: 'Ann', suggestions });
      expect(await stores().conversations.getMessage(message.id)).toEqual(message);
      expect(await stores().conversations.getMessage('missing')).toBeNull();
    });

    it('finds a message by its idempotency key (a retry can be answered before any conversation is opened)', async () => {
      const { conversationId, customerId } = await newConversation(stores());
      const idempotency = { senderKey: `customer:${customerId}`, clientMessageId: 'k-1' };
      const { message } = await stores().conversations.appendMessage({ conversationId, author: 'customer', text: 'hi', idempotency });
      expect(await stores().conversations.findByIdempotency(idempotency)).toEqual(message);
      expect(await stores().conversations.findByIdempotency({ ...idempotency, clientMessageId: 'other' })).toBeNull();
      expect(await stores().conversations.findByIdempotency({ ...idempotency, senderKey: 'customer:someone-else' })).toBeNull();
    });

    it('keeps the language detected for a message, and leaves it out when none was given', async () => {
      const { conversationId } = await newConversation(stores());
      const zh = await stores().conversations.appendMessage({ conversationId, author: 'customer', text: '我的订单还没到', language: 'zh' });
      const plain = await stores().conversations.appendMessage({ conversationId, author: 'bot', text: 'ok' });
      expect((await stores().conversations.getMessage(zh.message.id))?.language).toBe('zh');
      const read = await stores().conversations.getMessage(plain.message.id);
      expect(read).toEqual(plain.message);
      expect(read && 'language' in read).toBe(false);
    });

    it('is idempotent on senderKey + clientMessageId: one stored message, the original returned', async () => {
      const { conversationId, customerId } = await newConversation(stores());
      const idempotency = { senderKey: `customer:${customerId}`, clientMessageId: 'c-1' };
      const first = await stores().conversations.appendMessage({ conversationId, author: 'customer', text: 'first', idempotency });
      const retry = await stores().conversations.appendMessage({ conversationId, author: 'customer', text: 'changed', idempotency });
      expect(retry).toEqual({ message: first.message, duplicate: true });
      const racing = await Promise.all(
        Array.from({ length: 5 }, () =>
          stores().conversations.appendMessage({ conversationId, author: 'customer', text: 'race', idempotency }),
        ),
      );
      expect(racing.every((r) => r.duplicate && r.message.id === first.message.id)).toBe(true);
      // The same clientMessageId from another sender is a different message.
      const other = await stores().conversations.appendMessage({
        conversationId,
        author: 'agent',
        text: 'first',
        idempotency: { senderKey: 'agent:a1', clientMessageId: 'c-1' },
      });
      expect(other.duplicate).toBe(false);
      const all = await stores().conversations.recentMessages(conversationId);
      expect(all.map((m) => m.text)).toEqual(['first', 'first']);
    });

    it('refuses a message for a missing conversation', async () => {
      expect(await errorCode(stores().conversations.appendMessage({ conversationId: 'missing', author: 'bot', text: 'x' }))).toBe(
        'ERR_CONVERSATION_NOT_FOUND',
      );
    });

    it('stores the other concurrent appends when one of them fails', async () => {
      const { conversationId } = await newConversation(stores());
      const results = await Promise.allSettled([
        stores().conversations.appendMessage({ conversationId, author: 'bot', text: 'a' }),
        stores().conversations.appendMessage({ conversationId: 'missing', author: 'bot', text: 'b' }),
        stores().conversations.appendMessage({ conversationId, author: 'bot', text: 'c' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'ERR_CONVERSATION_NOT_FOUND' });
      expect((await stores().conversations.recentMessages(conversationId)).map((m) => m.text)).toEqual(['a', 'c']);
    });

    it('stores 200 concurrent appends to one conversation, all of them, in id order', async () => {
      const { conversationId, customerId } = await newConversation(stores());
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          stores().conversations.appendMessage({
            conversationId,
            author: 'customer',
            text: `m${i}`,
            idempotency: { senderKey: `customer:${customerId}`, clientMessageId: `k${i}` },
          }),
        ),
      );
      expect(results.some((r) => r.duplicate)).toBe(false);
      const ids = results.map((r) => r.message.id);
      expect(new Set(ids).size).toBe(200);
      const stored = (await walkPages((p) => stores().conversations.listMessages(conversationId, p), 64)).flat();
      expect(stored.map((m) => m.id)).toEqual(sorted(ids));
      // Ids follow call order: the conversation reads back in the order messages were accepted.
      expect(stored.map((m) => m.text)).toEqual(results.map((r) => r.message.text));
    });

    it('paginates oldest first and returns the most recent window in order', async () => {
      const { conversationId } = await newConversation(stores());
      for (let i = 0; i < 13; i++) await stores().conversations.appendMessage({ conversationId, author: 'bot', text: `t${i}` });
      const pages = await walkPages((p) => stores().conversations.listMessages(conversationId, p), 5);
      expect(pages.map((p) => p.length)).toEqual([5, 5, 3]);
      expect(pages.flat().map((m) => m.text)).toEqual(Array.from({ length: 13 }, (_, i) => `t${i}`));
      const recent = await stores().conversations.recentMessages(conversationId, 4);
      expect(recent.map((m) => m.text)).toEqual(['t9', 't10', 't11', 't12']);
    });

    it('lists the replies recorded for a customer message', async () => {
      const { conversationId } = await newConversation(stores());
      const q = await stores().conversations.appendMessage({ conversationId, author: 'customer', text: 'where is my order?' });
      await stores().conversations.appendMessage({ conversationId, author: 'bot', text: 'Let me check', inReplyTo: q.message.id });
      await stores().conversations.appendMessage({ conversationId, author: 'bot', text: 'Unrelated' });
      await stores().conversations.appendMessage({ conversationId, author: 'bot', text: 'It ships today', inReplyTo: q.message.id });
      const replies = await stores().conversations.listReplies(q.message.id);
      expect(replies.map((m) => m.text)).toEqual(['Let me check', 'It ships today']);
      expect(replies[0]?.inReplyTo).toBe(q.message.id);
      expect(await stores().conversations.listReplies('missing')).toEqual([]);
    });
  });
}
