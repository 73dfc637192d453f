import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { demoUnderstandingZh } from '../test-support/demo-understanding-zh.js';

/** The bad input, sent by a zh-CN widget customer to the Chinese demo bot: each is analysed, stored and answered in Chinese. */
let h: Harness;
beforeAll(async () => {
  h = await openHarness({ openStores, understanding: demoUnderstandingZh, policy: { escalateAfterFallbacks: 3, escalateNegativeStreak: 0 } });
}, 60_000);
afterAll(async () => {
  await h.close();
});

const HAN = /[\u4e00-\u9fff]/;

async function turn(text: string) {
  const customerId = await h.newCustomer();
  const r = await h.dialogue.handle({ ...h.inbound(customerId, text), locale: 'zh-CN' });
  const replies = await r.processed;
  const [interaction] = (await h.stores.interactions.list({ conversationId: r.conversationId, limit: 5 })).items;
  return { stored: r.message.text, replies: replies.map((m) => m.text), interaction, conversation: await h.stores.conversations.get(r.conversationId) };
}

it.each([
  ['mixed Chinese and English with an emoji', '我的order还没到😡', '订单号'],
  ['full-width letters and digits', '我的订单ＡＢＣ１２３４５到哪了', 'ABC12345'],
  ['traditional characters', '請問怎麼退貨？', '30 天内'],
])('%s is understood: %s', async (_what, text, expected) => {
  const t = await turn(text);
  expect(t.stored).toBe(text);
  expect(t.replies.join(' ')).toContain(expected);
  expect(t.interaction?.decision).not.toBe('fallback');
});

it.each([
  ['full-width letters alone', 'ＡＢＣ１２３'],
  ['emoji only', '😀👍'],
  ['punctuation only', '？！。，……'],
])('%s gets an answer in the customer\'s language', async (_what, text) => {
  const t = await turn(text);
  expect(t.stored).toBe(text);
  expect(t.replies.length).toBeGreaterThan(0);
  expect(t.replies.every((r) => HAN.test(r))).toBe(true);
  expect(t.conversation?.locale).toBe('zh-CN');
  expect(t.interaction?.sentiment.label).toBeDefined();
});

it('a 4,000-character Chinese message is stored whole, analysed and answered', async () => {
  const text = '外卖送到的时候汤全洒了，我要退款。'.repeat(300).slice(0, 4000);
  const t = await turn(text);
  expect([...t.stored].length).toBe(4000);
  expect(t.interaction?.sentiment.label).toBe('negative');
  expect(t.replies.length).toBeGreaterThan(0);
  expect(t.replies.every((r) => HAN.test(r))).toBe(true);
  expect(t.conversation?.language).toBe('zh');
});
