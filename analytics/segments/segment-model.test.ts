import { describe, expect, it } from '@jest/globals';
import { applyConversation, applyInteraction, emptyState, type CustomerState } from '../customers/customer-state.js';
import { conversation, interaction, rng } from '../testing/synthetic.js';
import { assignSegment, buildSegments, profileOf } from './segment-model.js';

const D = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);

function customer(id: string, visits: number[], csat: number, sentiment: number, r: () => number): CustomerState {
  const s = emptyState();
  visits.forEach((daysAgo, v) => {
    const at = NOW - daysAgo * D + r() * 3_600_000;
    applyInteraction(s, interaction({ customerId: id, conversationId: `${id}-${v}`, at, sentiment: sentiment + (r() - 0.5) * 0.1 }));
    applyConversation(s, conversation({ id: `${id}-${v}`, customerId: id, at, closedAt: at + 60_000, csat: { score: csat, at: at + 120_000 } }));
  });
  return s;
}

describe('segments', () => {
  it('finds planted loyal-happy, frustrated and lapsed groups and names them', async () => {
    const r = rng(5);
    const groups: { kind: string; state: CustomerState }[] = [];
    for (let i = 0; i < 60; i++) groups.push({ kind: 'loyal', state: customer(`l${i}`, [1, 4, 9, 15, 22, 30, 41, 50], 5, 0.6, r) });
    for (let i = 0; i < 60; i++) groups.push({ kind: 'frustrated', state: customer(`f${i}`, [2, 5], 1, -0.7, r) });
    for (let i = 0; i < 60; i++) groups.push({ kind: 'lapsed', state: customer(`p${i}`, [120, 150], 4, 0.3, r) });
    const res = await buildSegments(groups.map((g) => ({ state: g.state, orders: null })), Math.floor(NOW / 1000));
    expect(res.ready).toBe(true);
    if (!res.ready) return;
    expect(res.model.k).toBe(3);
    const labelOf = (kind: string) => {
      const g = groups.find((x) => x.kind === kind)!;
      return assignSegment(res.model, profileOf({ state: g.state, orders: null }, Math.floor(NOW / 1000)))!;
    };
    expect(labelOf('loyal').summary).toMatch(/^Loyal, happy: frequent, recent, happy, CSAT 5\.0/);
    expect(labelOf('frustrated').label).toBe('Frustrated');
    expect(labelOf('lapsed').summary).toMatch(/dormant/);
    expect(res.model.segments.map((s) => s.size).sort()).toEqual([60, 60, 60]);
  });

  it('is not ready with too few customers', async () => {
    const res = await buildSegments([{ state: emptyState(), orders: null }], 0);
    expect(res.ready).toBe(false);
  });
});
