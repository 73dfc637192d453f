import { describe, expect, it } from '@jest/globals';
import { faqInputSchema } from '../../core/index.js';
import { FaqRetriever } from '../retriever.js';
import { demoFaqsZh } from './demo-faqs-zh.js';

describe('Chinese demo FAQ, lexical retrieval', () => {
  it('answers paraphrases, traditional, full-width, mixed and emoji queries with the right entry', async () => {
    for (const f of demoFaqsZh) faqInputSchema.parse(f);
    const retriever = new FaqRetriever(null, null);
    retriever.load(demoFaqsZh.map((f) => ({ id: f.id ?? '', question: f.question, answer: f.answer, alternates: f.alternates ?? [] })));
    await retriever.recalibrate();
    const probes: [string, string][] = [
      ['快递要几天才能送到', 'zh-shipping-times'],
      ['退款什麼時候到帳', 'zh-refund-time'],
      ['收到的东西碎了😭', 'zh-damaged'],
      ['可以用ＷＥＣＨＡＴ或者支付宝付款吗', 'zh-payment'],
      ['my invoice 发票怎么开', 'zh-invoice'],
    ];
    for (const [q, id] of probes) expect([q, (await retriever.rank(q, 3))[0]?.id]).toEqual([q, id]);
    expect(await retriever.rank('？！。，', 3)).toEqual([]);
    const long = await retriever.rank('我的快递一直没有到，'.repeat(400), 3);
    expect(Array.isArray(long)).toBe(true);
  });
});
