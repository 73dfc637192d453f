import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { replies, repliesZh } from '../policy/replies.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ openStores });
});
afterEach(async () => {
  await h.close();
});

describe('message language', () => {
  it('stores the detected language on each message and the conversation; digits alone keep it; the locale is kept', async () => {
    const customerId = await h.newCustomer();
    const first = await h.dialogue.handle({ ...h.inbound(customerId, '我的订单还没到'), locale: 'zh-CN' });
    await first.processed;
    expect(first.message.language).toBe('zh');
    expect(await h.stores.conversations.get(first.conversationId)).toMatchObject({ language: 'zh', locale: 'zh-CN' });

    const digits = await h.dialogue.handle(h.inbound(customerId, '１２３４５'));
    await digits.processed;
    expect(digits.message.language).toBe('und');
    expect((await h.stores.conversations.get(first.conversationId))?.language).toBe('zh');

    const english = await h.dialogue.handle(h.inbound(customerId, 'where is my order?'));
    await english.processed;
    expect((await h.stores.conversations.getMessage(english.message.id))?.language).toBe('en');
    expect(await h.stores.conversations.get(first.conversationId)).toMatchObject({ language: 'en', locale: 'zh-CN' });
  });

  it("the bot's own sentences follow the customer's language; an English customer keeps English", async () => {
    const zh = await h.newCustomer();
    const out = await (await h.dialogue.handle({ ...h.inbound(zh, '嗯嗯嗯这个那个'), locale: 'zh-CN' })).processed;
    expect(out.map((m) => m.text)).toEqual([repliesZh.fallback]);
    await h.dialogue.escalate(zh, 'widget');
    await h.dialogue.drain();
    const conv = await h.stores.conversations.findLatest(zh);
    const history = await h.stores.conversations.recentMessages(conv!.id);
    expect(history.filter((m) => m.author === 'system').map((m) => m.text)).toEqual([repliesZh.connecting]);

    const en = await h.newCustomer();
    const enOut = await (await h.dialogue.handle(h.inbound(en, 'blorp zib zab'))).processed;
    expect(enOut.map((m) => m.text)).toEqual([replies.fallback]);
  });
});
