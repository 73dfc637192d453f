import { describe, expect, it } from '@jest/globals';
import type { Stores } from '../../core/index.js';
import { interaction } from './interaction-log.contract.js';
import { useStores, type StoresFactory } from './harness.js';

async function customerWithHistory(s: Stores, name: string) {
  const customer = await s.customers.create({ name, email: `${name}@example.com` });
  const ids = { customer: customer.id, conversations: [] as string[], messages: [] as string[] };
  for (let c = 0; c < 2; c++) {
    const conv = await s.conversations.create({ customerId: customer.id, channel: 'widget' });
    ids.conversations.push(conv.id);
    const q = await s.conversations.appendMessage({
      conversationId: conv.id,
      author: 'customer',
      text: `hi from ${name}`,
      idempotency: { senderKey: `customer:${customer.id}`, clientMessageId: `c${c}` },
    });
    const a = await s.conversations.appendMessage({ conversationId: conv.id, author: 'bot', text: 'hello', inReplyTo: q.message.id });
    ids.messages.push(q.message.id, a.message.id);
    await s.conversations.transition(conv.id, { event: 'escalate', actor: { kind: 'bot' }, at: new Date().toISOString() });
    await s.interactions.record(interaction(customer.id, conv.id, new Date().toISOString()));
  }
  return ids;
}

export function describeCustomerErase(make: StoresFactory): void {
  describe('customer erase', () => {
    const stores = useStores(make);

    it('removes everything of that customer and nothing of another', async () => {
      const s = stores();
      const gone = await customerWithHistory(s, 'gone');
      const kept = await customerWithHistory(s, 'kept');

      // What the GDPR flow calls: every store's part (erase alone must also be enough).
      await s.customers.erase(gone.customer);
      await s.conversations.eraseCustomer(gone.customer);
      await s.interactions.eraseCustomer(gone.customer);

      expect(await s.customers.get(gone.customer)).toBeNull();
      expect(await s.conversations.findLatest(gone.customer)).toBeNull();
      expect((await s.conversations.list({ customerId: gone.customer })).items).toEqual([]);
      for (const id of gone.conversations) {
        expect(await s.conversations.get(id)).toBeNull();
        expect(await s.conversations.listEvents(id)).toEqual([]);
        expect(await s.conversations.recentMessages(id)).toEqual([]);
      }
      for (const id of gone.messages) expect(await s.conversations.getMessage(id)).toBeNull();
      expect(await s.interactions.count({ customerId: gone.customer })).toBe(0);
      // The idempotency key of an erased message must not resurrect it as a "duplicate".
      const fresh = await s.conversations.create({ customerId: kept.customer, channel: 'widget' });
      const again = await s.conversations.appendMessage({
        conversationId: fresh.id,
        author: 'customer',
        text: 'new',
        idempotency: { senderKey: `customer:${gone.customer}`, clientMessageId: 'c0' },
      });
      expect(again.duplicate).toBe(false);

      expect((await s.customers.get(kept.customer))?.email).toBe('kept@example.com');
      for (const id of kept.conversations) {
        expect((await s.conversations.get(id))?.state).toBe('queued');
        expect(await s.conversations.listEvents(id)).toHaveLength(1);
        expect(await s.conversations.recentMessages(id)).toHaveLength(2);
      }
      expect(await s.interactions.count({ customerId: kept.customer })).toBe(2);
    });

    it('erasing with CustomerStore.erase alone removes the conversations and interactions too', async () => {
      const s = stores();
      const gone = await customerWithHistory(s, 'solo');
      await s.customers.erase(gone.customer);
      expect(await s.conversations.get(gone.conversations[0] ?? '')).toBeNull();
      expect(await s.interactions.count({ customerId: gone.customer })).toBe(0);
      await expect(s.customers.erase(gone.customer)).resolves.toBeUndefined();
    });
  });
}
