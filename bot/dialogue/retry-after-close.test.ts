import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ openStores });
});
afterEach(async () => {
  await h.close();
});

describe('a retried message after its conversation closed', () => {
  it('returns the original (duplicate) and opens no new, empty conversation', async () => {
    const customerId = await h.newCustomer();
    const first = await h.dialogue.handle({ channel: 'widget', customerId, clientMessageId: 'm1', senderKey: `customer:${customerId}`, text: 'hello' });
    await first.processed;
    await h.dialogue.close(first.conversationId, { id: 'u-ann', name: 'Ann' }, { isAdmin: true });

    const retry = await h.dialogue.handle({ channel: 'widget', customerId, clientMessageId: 'm1', senderKey: `customer:${customerId}`, text: 'hello' });
    expect(retry).toMatchObject({ duplicate: true, conversationId: first.conversationId });
    expect(retry.message.id).toBe(first.message.id);
    expect(await h.stores.conversations.findOpen(customerId)).toBeNull();
    expect((await h.stores.conversations.list({ customerId })).items).toHaveLength(1);
    expect((await h.stores.customers.get(customerId))?.stats.conversationCount).toBe(1);

    // A new message still opens a new conversation.
    const next = await h.dialogue.handle({ channel: 'widget', customerId, clientMessageId: 'm2', senderKey: `customer:${customerId}`, text: 'hello again' });
    expect(next.duplicate).toBe(false);
    expect(next.conversationId).not.toBe(first.conversationId);
    await next.processed;
  });
});
