import { afterEach, describe, expect, it } from '@jest/globals';
import type { NluAnalysis, Understander } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { testUnderstander } from '../test-support/keyword-understanding.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Wraps the test understander to observe overlap and to hold a turn open until released. */
function observed() {
  let running = 0;
  let maxRunning = 0;
  let gate: Promise<void> | null = null;
  const nlu: Understander = {
    async analyze(text: string): Promise<NluAnalysis> {
      running++;
      maxRunning = Math.max(maxRunning, running);
      // Yield several times so overlapping turns would interleave if the queue let them.
      for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
      if (gate) await gate;
      running--;
      return testUnderstander.analyze(text);
    },
  };
  return {
    nlu,
    maxRunning: () => maxRunning,
    hold(): () => void {
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

describe('per-conversation ordering and idempotency', () => {
  it('processes concurrent handle() calls of one conversation one at a time, in order', async () => {
    const probe = observed();
    h = await openHarness({ openStores, nlu: probe.nlu });
    const customerId = await h.newCustomer();
    const texts = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? `hello ${i}` : `thanks ${i}`));
    const results = await Promise.all(texts.map((t, i) => h!.dialogue.handle(h!.inbound(customerId, t, `c${i}`))));
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    await Promise.all(results.map((r) => r.processed));
    expect(probe.maxRunning()).toBe(1);

    const history = await h.stores.conversations.recentMessages(results[0]!.conversationId);
    const customerLines = history.filter((m) => m.author === 'customer').map((m) => m.text);
    expect(customerLines).toEqual(texts);
    // Customer messages are stored (acked) immediately; replies come one per message, in the same order.
    const customerIds = history.filter((m) => m.author === 'customer').map((m) => m.id);
    const replyTargets = history.filter((m) => m.author === 'bot').map((m) => m.inReplyTo);
    expect(replyTargets).toEqual(customerIds);
    expect(results.map((r) => r.message.id)).toEqual(customerIds);
  });

  it('a retry with the same clientMessageId returns duplicate true, one stored message, and the original replies', async () => {
    h = await openHarness({ openStores });
    const customerId = await h.newCustomer();
    const first = await h.dialogue.handle(h.inbound(customerId, 'hello', 'same-id'));
    const firstReplies = await first.processed;
    const retry = await h.dialogue.handle(h.inbound(customerId, 'a different text', 'same-id'));
    expect(retry.duplicate).toBe(true);
    expect(retry.message).toEqual(first.message);
    expect(await retry.processed).toEqual(firstReplies);
    await h.dialogue.drain();
    const history = await h.stores.conversations.recentMessages(first.conversationId);
    expect(history.filter((m) => m.author === 'customer')).toHaveLength(1);
    expect(history.filter((m) => m.author === 'bot')).toHaveLength(1);
    expect(await h.stores.interactions.count({ conversationId: first.conversationId })).toBe(1);
  });

  it('a retry that arrives while the turn is still running waits for the real replies', async () => {
    const probe = observed();
    h = await openHarness({ openStores, nlu: probe.nlu });
    const customerId = await h.newCustomer();
    const release = probe.hold();
    const first = await h.dialogue.handle(h.inbound(customerId, 'hello', 'x1'));
    const retry = await h.dialogue.handle(h.inbound(customerId, 'hello', 'x1'));
    expect(retry.duplicate).toBe(true);
    release();
    const [a, b] = await Promise.all([first.processed, retry.processed]);
    expect(b).toEqual(a);
    expect(a.map((m) => m.author)).toEqual(['bot']);
  });

  it('concurrent first messages of a new customer share one conversation', async () => {
    h = await openHarness({ openStores });
    const customerId = await h.newCustomer();
    const results = await Promise.all([1, 2, 3].map((i) => h!.dialogue.handle(h!.inbound(customerId, `hello ${i}`, `n${i}`))));
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(1);
    expect((await h.stores.customers.get(customerId))?.stats.conversationCount).toBe(1);
  });

  it('stays silent when an agent claims while the bot is still thinking', async () => {
    const probe = observed();
    h = await openHarness({ openStores, nlu: probe.nlu });
    const customerId = await h.newCustomer();
    const release = probe.hold();
    const r = await h.dialogue.handle(h.inbound(customerId, 'hello'));
    await h.dialogue.claim(r.conversationId, { id: 'u1', name: 'Ann' });
    release();
    expect(await r.processed).toEqual([]);
    await h.dialogue.drain();
    const authors = (await h.stores.conversations.recentMessages(r.conversationId)).map((m) => m.author);
    expect(authors).toEqual(['customer', 'system']);
    const [interaction] = (await h.stores.interactions.list({ conversationId: r.conversationId })).items;
    expect(interaction?.decision).toBe('handoff');
  });

  it('logs a failing turn, resolves processed, and keeps serving the conversation', async () => {
    let fail = true;
    const flaky: Understander = {
      async analyze(text) {
        if (fail) {
          fail = false;
          throw new Error('model crashed');
        }
        return testUnderstander.analyze(text);
      },
    };
    h = await openHarness({ openStores, nlu: flaky });
    const customerId = await h.newCustomer();
    const logged: unknown[] = [];
    const { createDialogue } = await import('../index.js');
    const dialogue = createDialogue({
      stores: h.stores,
      nlu: flaky,
      knowledge: { search: async () => ({ hits: [], decision: 'none', mode: 'lexical' }) },
      policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 },
      logger: { info: () => undefined, warn: () => undefined, error: (obj) => logged.push(obj) },
    });
    expect(await (await dialogue.handle(h.inbound(customerId, 'hello', 'f1'))).processed).toEqual([]);
    expect(logged).toHaveLength(1);
    expect((await (await dialogue.handle(h.inbound(customerId, 'hello', 'f2'))).processed).map((m) => m.author)).toEqual(['bot']);
    await dialogue.drain();
  });
});
