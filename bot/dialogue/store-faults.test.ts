import { afterEach, describe, expect, it } from '@jest/globals';
import { ParleyError, type ConversationStore, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { openHarness, type Harness, type OpenStores } from '../test-support/harness.js';

type Method = keyof ConversationStore;

/**
 * The real embedded adapter with one conversation-store method failing on chosen calls, the way the adapter fails
 * when its disk or lock does (ERR_STORE_UNAVAILABLE): faults land in the middle of a real turn.
 */
function faultyStores(fail: { method: Method; calls: number[] }): { open: OpenStores; count: () => number } {
  let calls = 0;
  const open: OpenStores = async (opts) => {
    const real: Stores = await openEmbeddedStores(opts);
    const conversations = new Proxy(real.conversations, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== fail.method || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls += 1;
          if (fail.calls.includes(calls)) return Promise.reject(new ParleyError('ERR_STORE_UNAVAILABLE', { reason: 'injected' }));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { ...real, conversations };
  };
  return { open, count: () => calls };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close().catch((err: Error) => {
    // A turn that failed after its ack is logged as an error; that is what the mid-turn case provokes.
    if (!/turn failed|dialogue logged errors/.test(err.message)) throw err;
  });
  h = undefined;
});

const send = (harness: Harness, customerId: string, id: string, text = 'where is my order please') =>
  harness.dialogue.handle(harness.inbound(customerId, text, id));

describe('a store failing in the middle of a turn', () => {
  it('before the message is stored: ERR_STORE_UNAVAILABLE, nothing half-written, the retry gets a full turn', async () => {
    // The first update of the turn is the conversation's language, written before the message (see create-dialogue.ts).
    const faults = faultyStores({ method: 'update', calls: [1] });
    h = await openHarness({ openStores: faults.open });
    const customerId = await h.newCustomer();

    await expect(send(h, customerId, 'c1')).rejects.toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' });
    expect(faults.count()).toBe(1);
    expect(await h.stores.conversations.findByIdempotency({ senderKey: `customer:${customerId}`, clientMessageId: 'c1' })).toBeNull();

    const retry = await send(h, customerId, 'c1');
    expect(retry.duplicate).toBe(false);
    const replies = await retry.processed;
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.author === 'bot')).toBe(true);
    const messages = await h.stores.conversations.recentMessages(retry.conversationId);
    expect(messages.filter((m) => m.author === 'customer')).toHaveLength(1);
  });

  it('when the message itself cannot be stored: refused, nothing stored, the next message works', async () => {
    const faults = faultyStores({ method: 'appendMessage', calls: [1] });
    h = await openHarness({ openStores: faults.open });
    const customerId = await h.newCustomer();

    await expect(send(h, customerId, 'c1')).rejects.toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' });
    const next = await send(h, customerId, 'c2');
    expect((await next.processed).length).toBeGreaterThan(0);
    const messages = await h.stores.conversations.recentMessages(next.conversationId);
    expect(messages.filter((m) => m.author === 'customer').map((m) => m.text)).toEqual(['where is my order please']);
    expect((await h.stores.conversations.list({ customerId })).items).toHaveLength(1);
  });

  it('after the ack (the bot reply cannot be stored): the turn fails alone and the next message is answered', async () => {
    // Call 1 stores the customer's message, call 2 would store the bot's reply.
    const faults = faultyStores({ method: 'appendMessage', calls: [2] });
    h = await openHarness({ openStores: faults.open });
    const customerId = await h.newCustomer();

    const first = await send(h, customerId, 'c1');
    expect(await first.processed).toEqual([]);
    const next = await send(h, customerId, 'c2', 'hello');
    expect((await next.processed).length).toBeGreaterThan(0);
  });
});
