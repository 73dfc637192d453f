import { beforeAll, describe, expect, it } from '@jest/globals';
import { seededRandom } from '../../core/index.js';
import { simulate, toLineBatches } from '../testing/simulate.js';
import { computeInsights, type CrmModelRun } from './insights.js';
import type { ConversationSummary } from './input.js';

const START = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;
const truth = { r: 0.9, alpha: 30, a: 0.8, b: 3, p: 4, q: 5, gamma: 60 };

describe('computeInsights on a simulated shop', () => {
  const sim = simulate(1500, truth, { joinDays: 300, endDays: 400, seed: 5 });
  let run: CrmModelRun;
  beforeAll(async () => {
    run = await computeInsights(toLineBatches(sim, START), null, { asOf: new Date(START + 400 * DAY) });
  }, 120_000);

  it('fits the purchase model and reports a learned churn horizon and a held-out AUC', () => {
    const s = run.summary;
    expect(s.clv.model?.kind).toBe('mbg-nbd');
    expect(s.churn.mode).toBe('purchase');
    expect(s.churn.horizonSource).toBe('learned');
    expect(s.churn.horizonDays).toBeGreaterThanOrEqual(14);
    expect(s.churn.horizonDays).toBeLessThanOrEqual(200);
    expect(s.churn.heldOutAuc).toBeGreaterThan(0.7);
    expect(s.calibration).not.toBeNull();
    // Plain data in and out: what a worker thread can post back.
    expect(structuredClone(s)).toEqual(s);
    expect(structuredClone(run.customers[0])).toEqual(run.customers[0]);
    const cal = s.calibration!;
    expect(cal.predictedOrders / cal.actualOrders).toBeGreaterThan(0.85);
    expect(cal.predictedOrders / cal.actualOrders).toBeLessThan(1.15);
  });

  it('gives every buyer insights in the protocol shape, with one-order customers not blindly alive', () => {
    expect(run.customers).toHaveLength(sim.length);
    const one = run.customers.filter((c) => c.insights.orders === 1);
    expect(one.length).toBeGreaterThan(50);
    const alive = one.map((c) => c.insights.clv!.pAlive);
    expect(Math.max(...alive)).toBeLessThan(1);
    expect(new Set(alive.map((p) => p.toFixed(3))).size).toBeGreaterThan(5);
    for (const { insights: i } of run.customers) {
      expect(i.rfm!.r).toBeGreaterThanOrEqual(1);
      expect(i.rfm!.score).toBeLessThanOrEqual(15);
      expect(i.segment?.label).toMatch(/Champions|Loyal|New|Promising|At risk|Needs attention|Hibernating/);
      expect(i.churn!.risk).toBeGreaterThanOrEqual(0);
      expect(i.churn!.risk).toBeLessThanOrEqual(1);
      expect(i.clv!.expectedRevenue).toBeGreaterThanOrEqual(0);
    }
    const riskiest = [...run.customers].sort((a, b) => b.insights.churn!.risk - a.insights.churn!.risk)[0]!;
    expect(riskiest.insights.churn!.factors[0]!.effect).toBeGreaterThan(0);
    expect(riskiest.insights.churn!.factors.map((f) => f.feature).join(' | ')).toMatch(/day|purchase|gap|order/);
  });

  it('ranks who buys again: customers predicted to buy more did buy more afterwards', async () => {
    // Same shop, cut at day 300; compare with the simulated truth of days 300..400.
    const cut = await computeInsights(toLineBatches(sim, START), null, { asOf: new Date(START + 300 * DAY), clvHorizonDays: 100 });
    const after = new Map(sim.map((c) => [c.id, c.times.filter((t) => t >= 300).length]));
    const rows = cut.customers.filter((c) => c.insights.orders > 0);
    const top = [...rows].sort((a, b) => b.insights.clv!.expectedOrders - a.insights.clv!.expectedOrders).slice(0, rows.length / 5);
    const bottom = [...rows].sort((a, b) => a.insights.clv!.expectedOrders - b.insights.clv!.expectedOrders).slice(0, rows.length / 5);
    const avg = (xs: typeof rows) => xs.reduce((s, c) => s + after.get(c.customerId)!, 0) / xs.length;
    expect(avg(top)).toBeGreaterThan(4 * avg(bottom));
    const predicted = rows.reduce((s, c) => s + c.insights.clv!.expectedOrders, 0);
    const actual = rows.reduce((s, c) => s + after.get(c.customerId)!, 0);
    expect(predicted / actual).toBeGreaterThan(0.85);
    expect(predicted / actual).toBeLessThan(1.15);
  }, 120_000);

  it('says in words when there is too little history and falls back to a simple estimate', async () => {
    const small = await computeInsights(toLineBatches(sim.slice(0, 40), START), null, { asOf: new Date(START + 400 * DAY) });
    expect(small.summary.clv.model?.kind).toBe('fallback');
    expect(small.summary.notes.join(' ')).toMatch(/Too little purchase history/);
    const buyer = small.customers.find((c) => c.insights.orders > 0)!;
    expect(buyer.insights.clv!.expectedOrders).toBeGreaterThanOrEqual(0);
    expect(buyer.insights.churn).toBeNull(); // 40 customers: not enough to learn churn
  });
});

describe('computeInsights for a conversation-only business', () => {
  it('defines churn as no contact within the horizon and explains it with conversation factors', async () => {
    const r = seededRandom(9);
    const convs: ConversationSummary[] = [];
    const at = (d: number) => new Date(START + d * DAY).toISOString();
    for (let i = 0; i < 600; i++) {
      const unhappy = i % 3 === 0;
      let d = r() * 60;
      // Unhappy customers have a bad conversation at some point and then stop coming back.
      const stop = unhappy ? 60 + r() * 300 : Infinity;
      while (d < 400) {
        const bad = d >= stop;
        convs.push({ customerId: `k${i}`, at: at(d), csat: bad ? 1 : r() < 0.5 ? 5 : null, negativeShare: bad ? 0.8 : 0.05, escalated: bad, unanswered: bad ? 2 : 0 });
        if (bad) break;
        d += 5 + r() * 20;
      }
    }
    const run = await computeInsights([], convs, { asOf: new Date(START + 400 * DAY) });
    expect(run.summary.churn.mode).toBe('contact');
    expect(run.summary.churn.heldOutAuc).toBeGreaterThan(0.8);
    const scored = run.customers.filter((c) => c.insights.churn);
    expect(scored.length).toBe(600);
    const riskiest = [...scored].sort((a, b) => b.insights.churn!.risk - a.insights.churn!.risk)[0]!;
    expect(riskiest.insights.churn!.factors.map((f) => f.feature).join(' | ')).toMatch(/contact|CSAT|escalation|negative|unanswered/);
    expect(riskiest.insights.clv).toBeNull();
    expect(riskiest.insights.rfm?.m).toBeNull();
  }, 60_000);
});
