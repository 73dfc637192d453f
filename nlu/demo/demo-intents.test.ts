import { describe, expect, it } from '@jest/globals';
import { intentSchema } from '../../core/index.js';
import { demoIntents } from './demo-intents.js';
import { demoIntentsZh } from './demo-intents-zh.js';

describe('demoIntents', () => {
  it('are valid store intents with 12-25 distinct utterances and an answer each', () => {
    const names = new Set<string>();
    for (const intent of demoIntents) {
      expect(intentSchema.parse(intent)).toEqual(intent);
      expect(new Set(intent.utterances.map((u) => u.toLowerCase())).size).toBe(intent.utterances.length);
      expect(intent.utterances.length).toBeGreaterThanOrEqual(12);
      expect(intent.utterances.length).toBeLessThanOrEqual(25);
      expect(intent.answer).toBeTruthy();
      names.add(intent.name);
    }
    expect([...names]).toEqual(expect.arrayContaining(['greeting', 'thanks', 'goodbye', 'human', 'order_status', 'reset_password', 'opening_hours', 'cancel_subscription', 'refund']));
    expect(demoIntents.find((i) => i.name === 'human')?.escalate).toBe(true);
    expect(demoIntents.find((i) => i.name === 'order_status')?.answer).toContain('{{order_id}}');
  });

  it('the Chinese demo has the same intents, valid, with the same escalation and slot', () => {
    for (const intent of demoIntentsZh) expect(intentSchema.parse(intent)).toEqual(intent);
    expect(demoIntentsZh.map((i) => i.name)).toEqual(demoIntents.map((i) => i.name));
    expect(demoIntentsZh.find((i) => i.name === 'human')?.escalate).toBe(true);
    expect(demoIntentsZh.find((i) => i.name === 'order_status')?.answer).toContain('{{order_id}}');
  });
});
