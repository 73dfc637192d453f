import { jest } from '@jest/globals';
import { customerPrioritySetting, writeSetting, type Message } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { seedInsights } from '../test-support/insights.js';
import { clvCutoff, createCustomerPriority } from './priority.js';

jest.setTimeout(20_000);
let h: Harness;
beforeEach(async () => {
  h = await openHarness({ openStores, policy: { escalateAfterFallbacks: 3, escalateNegativeStreak: 0 } });
});
afterEach(async () => h.close());

/** 20 customers with expected revenue 10, 20 ... 200; the last two form the top decile. */
async function base(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= 20; i++) ids.push(await h.newCustomer());
  await seedInsights(h.stores, ids.map((customerId, i) => ({ customerId, expectedRevenue: (i + 1) * 10, churnRisk: i === 0 ? 0.9 : 0.1 })));
  return ids;
}
const say = async (c: string, text: string) => ((await (await h.dialogue.handle(h.inbound(c, text))).processed) as Message[]).map((m) => m.text);

describe('customer priority', () => {
  it('reads the CLV cut-off of the top share from the run histogram', () => {
    const clv = { ready: true, model: 't', parameters: {}, totalExpectedRevenue: 0, distribution: [{ from: 0, to: 10, count: 90 }, { from: 10, to: 20, count: 10 }] };
    expect(clvCutoff({ clv }, 0.1)).toBe(10);
    expect(clvCutoff({ clv }, 0.05)).toBe(15);
    expect(clvCutoff({ clv: { ...clv, ready: false } }, 0.1)).toBeNull();
  });

  it('marks the top CLV decile "high value" and churn risk over the threshold "at risk"; thresholds come from the setting', async () => {
    const ids = await base();
    const priority = createCustomerPriority(h.stores, { cacheMs: 0 });
    expect(await priority.reasons(ids[19]!)).toEqual(['high_value']);
    expect(await priority.reasons(ids[18]!)).toEqual(['high_value']);
    expect(await priority.reasons(ids[17]!)).toEqual([]);
    expect(await priority.reasons(ids[0]!)).toEqual(['at_risk']);
    await writeSetting(h.stores.kv, customerPrioritySetting, { highValueTopShare: 0.2, churnRiskAtLeast: 0.95 });
    expect(await priority.reasons(ids[17]!)).toEqual(['high_value']);
    expect(await priority.reasons(ids[0]!)).toEqual([]);
    await writeSetting(h.stores.kv, customerPrioritySetting, { enabled: false });
    expect(await priority.reasons(ids[19]!)).toEqual([]);
    expect(() => customerPrioritySetting.schema.parse({ churnRiskAtLeast: 2 })).toThrow();
  });

  it('hands a priority customer over sooner (lower fallback tolerance); others keep the usual one', async () => {
    const ids = await base();
    const vip = ids[19]!;
    const usual = ids[5]!;
    expect(await say(vip, 'flux capacitor leaking')).toEqual(['Connecting you to an agent…']);
    expect((await h.stores.conversations.findOpen(vip))?.state).toBe('queued');
    const fallback = await say(usual, 'flux capacitor leaking');
    expect(fallback[0]).toMatch(/didn't get that/);
    expect((await h.stores.conversations.findOpen(usual))?.state).toBe('bot');
  });
});
