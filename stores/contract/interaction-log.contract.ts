import { describe, expect, it } from '@jest/globals';
import type { NewInteraction, TurnDecision } from '../../core/index.js';
import { useStores, walkPages, type StoresFactory } from './harness.js';

export function interaction(
  customerId: string,
  conversationId: string,
  createdAt: string,
  decision: TurnDecision = 'faq',
): NewInteraction {
  return {
    conversationId,
    customerId,
    messageId: `m-${createdAt}`,
    channel: 'widget',
    text: 'how do I reset my password',
    intent: { name: 'password.reset', confidence: 0.91 },
    alternatives: [{ name: 'account.locked', confidence: 0.05 }],
    entities: [{ entity: 'product', text: 'app', value: 'app', start: 0, end: 3 }],
    sentiment: { score: -0.2, label: 'neutral' },
    outOfScope: false,
    faqHits: [{ faqId: 'faq-1', score: 3.2, calibrated: 0.8 }],
    decision,
    latencyMs: 12.5,
    createdAt,
  };
}

const day = (d: number, h = 0) => new Date(Date.UTC(2026, 0, d, h)).toISOString();

export function describeInteractionLog(make: StoresFactory): void {
  describe('InteractionLog', () => {
    const stores = useStores(make);

    it('records an interaction and reads it back intact', async () => {
      const input = interaction('cu-read', 'co-read', day(1));
      const stored = await stores().interactions.record(input);
      expect(stored).toEqual({ id: stored.id, ...input });
      expect((await stores().interactions.list({ customerId: 'cu-read' })).items).toEqual([stored]);
    });

    it('filters by customer, conversation, decision and [from, to), newest first by createdAt', async () => {
      // Recorded out of order on purpose: order comes from createdAt, not insertion.
      const decisions: TurnDecision[] = ['faq', 'fallback', 'escalate', 'faq', 'fallback'];
      for (const d of [5, 2, 4, 1, 3]) {
        await stores().interactions.record(interaction('cu-f', d % 2 ? 'co-odd' : 'co-even', day(d), decisions[d - 1]));
      }
      await stores().interactions.record(interaction('cu-other', 'co-x', day(3)));
      const all = await stores().interactions.list({ customerId: 'cu-f' });
      expect(all.items.map((i) => i.createdAt)).toEqual([day(5), day(4), day(3), day(2), day(1)]);
      const odd = await stores().interactions.list({ conversationId: 'co-odd' });
      expect(odd.items.map((i) => i.createdAt)).toEqual([day(5), day(3), day(1)]);
      const window = await stores().interactions.list({ customerId: 'cu-f', from: day(2), to: day(4) });
      expect(window.items.map((i) => i.createdAt)).toEqual([day(3), day(2)]);
      const misses = await stores().interactions.list({ customerId: 'cu-f', decisions: ['fallback', 'escalate'] });
      expect(misses.items.map((i) => i.decision)).toEqual(['fallback', 'escalate', 'fallback']);
      expect(await stores().interactions.count({ customerId: 'cu-f' })).toBe(5);
      expect(await stores().interactions.count({ customerId: 'cu-f', decisions: ['faq'] })).toBe(2);
      expect(await stores().interactions.count({ from: day(3), to: day(3, 1), customerId: 'cu-other' })).toBe(1);
    });

    it('paginates and scans every record exactly once', async () => {
      for (let i = 0; i < 25; i++) await stores().interactions.record(interaction('cu-p', 'co-p', day(10, i % 24)));
      const pages = await walkPages((p) => stores().interactions.list({ ...p, customerId: 'cu-p' }), 7);
      const listed = pages.flat().map((i) => i.id);
      expect(listed).toHaveLength(25);
      expect(new Set(listed).size).toBe(25);
      const batches: number[] = [];
      const scanned: string[] = [];
      for await (const batch of stores().interactions.scan({ customerId: 'cu-p' }, 10)) {
        batches.push(batch.length);
        scanned.push(...batch.map((i) => i.id));
      }
      expect(batches).toEqual([10, 10, 5]);
      expect(scanned).toEqual([...listed].reverse());
    });
  });
}
