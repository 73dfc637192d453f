import { beforeAll, describe, expect, it } from '@jest/globals';
import { applyConversation, applyInteraction, emptyState, type CustomerState } from '../customers/customer-state.js';
import { conversation, interaction, rng } from '../testing/synthetic.js';
import { defaultChurnDefinition } from './labels.js';
import { scoreChurn, trainChurn } from './churn-model.js';

const D = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);
const nowSec = Math.floor(NOW / 1000);

type Kind = 'unhappy' | 'happy' | 'currentRisk';

/** One conversation: a few turns, then maybe an agent and a CSAT. */
function visit(state: CustomerState, id: string, convId: string, at: number, bad: boolean, r: () => number): void {
  const turns = 2 + Math.floor(r() * 3);
  for (let t = 0; t < turns; t++) {
    const decision = bad ? (['fallback', 'escalate', 'clarify', 'intent'] as const)[Math.floor(r() * 4)]! : r() < 0.05 ? 'fallback' : 'faq';
    const sentiment = bad ? -0.3 - r() * 0.6 : 0.1 + r() * 0.6;
    applyInteraction(state, interaction({ customerId: id, conversationId: convId, at: at + t * 60_000, decision, sentiment }));
  }
  const csat = r() < 0.7 ? { score: bad ? 1 + Math.floor(r() * 2) : 4 + Math.floor(r() * 2), at: at + 3_600_000 } : undefined;
  applyConversation(state, conversation({ id: convId, customerId: id, at, closedAt: at + 3_000_000, csat, escalated: bad }));
}

/** A population where the right answer is known: bad experiences, then silence. */
function population(seed: number): { customers: [string, CustomerState][]; kind: Map<string, Kind> } {
  const r = rng(seed);
  const customers: [string, CustomerState][] = [];
  const kind = new Map<string, Kind>();
  for (let i = 0; i < 700; i++) {
    const id = `cust-${seed}-${i}`;
    const k: Kind = i < 240 ? 'unhappy' : i < 660 ? 'happy' : 'currentRisk';
    kind.set(id, k);
    const state = emptyState();
    let conv = 0;
    const go = (dayOffset: number, bad: boolean) => visit(state, id, `${id}-c${conv++}`, NOW - dayOffset * D + r() * 3_600_000, bad, r);
    if (k === 'unhappy') {
      for (let d = 80; d > 45; d -= 8 + Math.floor(r() * 6)) go(d, false);
      const bad = 1 + Math.floor(r() * 3);
      for (let b = 0; b < bad; b++) go(44 - Math.floor(r() * 12), true);
      // Noise: one in six comes back anyway.
      if (r() < 1 / 6) go(10 + Math.floor(r() * 15), false);
    } else if (k === 'happy') {
      for (let d = 80; d > 0; d -= 5 + Math.floor(r() * 10)) go(d, r() < 0.04);
    } else {
      for (let d = 80; d > 20; d -= 6 + Math.floor(r() * 6)) go(d, false);
      for (let b = 0; b < 2 + Math.floor(r() * 2); b++) go(1 + Math.floor(r() * 9), true);
    }
    customers.push([id, state]);
  }
  return { customers, kind };
}

describe('churn model on a planted population', () => {
  const { customers, kind } = population(11);
  const pending = trainChurn(customers, { definition: defaultChurnDefinition, imported: new Set(), nowSec, minPerClass: 30 });

  let result: Awaited<typeof pending>;
  beforeAll(async () => {
    result = await pending;
  });

  it('learns the planted signal: AUC > 0.8 on the held-out split', () => {
    expect(result.ready).toBe(true);
    if (!result.ready) return;
    expect(result.model.testSize).toBeGreaterThan(50);
    expect(result.model.auc).toBeGreaterThan(0.8);
    // Escalations and CSAT shortfall push risk up.
    const model = result.model;
    const w = Object.fromEntries(model.features.map((f, j) => [f, model.weights[j]!]));
    expect(w.escalations14d! + w.csatShortfall! + w.fallbacks30d!).toBeGreaterThan(0);
  });

  it('ranks the planted at-risk group on top, with plain-words reasons', () => {
    if (!result.ready) throw new Error('model not ready');
    const model = result.model;
    const scored = customers
      .filter(([id]) => kind.get(id) !== 'unhappy') // still active customers
      .map(([id, s]) => ({ id, ...scoreChurn(model, s, nowSec) }))
      .sort((a, b) => b.probability - a.probability);
    const top = scored.slice(0, 40);
    const hits = top.filter((s) => kind.get(s.id) === 'currentRisk').length;
    // A few 'happy' customers also drew bad visits at random: they belong near the top too.
    expect(hits).toBeGreaterThanOrEqual(32);
    const labels = top[0]!.factors.map((f) => f.label).join(' | ');
    expect(labels).toMatch(/escalation|CSAT \d\/5|unanswered|unresolved|sentiment/);
    expect(top[0]!.factors[0]!.weight).toBeGreaterThan(0);
  });

  it('says it is not ready instead of showing a number when labels are scarce', async () => {
    const few = await trainChurn(customers.slice(0, 20).concat(customers.slice(300, 320)), {
      definition: defaultChurnDefinition, imported: new Set(), nowSec, minPerClass: 30,
    });
    expect(few.ready).toBe(false);
    if (!few.ready) expect(few.reason).toMatch(/need 30 of each/);
  });

  it('trains on imported labels when present', async () => {
    const churned = new Set(customers.filter(([id]) => kind.get(id) === 'unhappy').map(([id]) => id));
    const res = await trainChurn(customers, { definition: defaultChurnDefinition, imported: churned, nowSec, minPerClass: 30 });
    expect(res.ready).toBe(true);
    if (res.ready) {
      expect(res.model.labelSource).toBe('imported');
      expect(res.model.positives).toBe(240);
    }
  });
});
