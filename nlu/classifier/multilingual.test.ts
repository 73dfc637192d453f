import { describe, expect, it } from '@jest/globals';
import { trainClassifier, type Example } from './train-classifier.js';

// Each intent holds English and Chinese utterances (simplified; traditional and full-width forms are probed below).
const utterances: Record<string, string[]> = {
  order_status: [
    'where is my order', 'has my package shipped yet', 'track my parcel', 'my order has not arrived', 'when will my delivery come',
    'what is the status of my order', 'i am still waiting for my package', 'check my shipment please',
    '我的订单到哪了', '快递什么时候到', '帮我查一下物流', '包裹还没收到', '我的货发了吗', '订单状态怎么查', '查询我的快递', '我买的东西什么时候送到',
  ],
  refund: [
    'i want my money back', 'how do i get a refund', 'refund my purchase', 'can i return this and get refunded',
    'please give me a refund', 'how long does a refund take', 'i would like to return an item', 'send my money back',
    '我要退款', '怎么申请退款', '退货退款怎么弄', '钱什么时候退回来', '我想退货', '请帮我退钱', '退款多久到账', '这个可以退吗',
  ],
  opening_hours: [
    'when are you open', 'what are your opening hours', 'are you open on sunday', 'what time do you close',
    'opening times please', 'is the shop open today', 'what are your business hours', 'until when are you open',
    '你们几点开门', '营业时间是什么', '周日营业吗', '几点关门', '今天开门吗', '你们的上班时间', '门店几点营业', '晚上开到几点',
  ],
};
const examples: Example[] = Object.entries(utterances).flatMap(([intent, list]) => list.map((text) => ({ text, intent })));
const offTopic = [
  'what is the capital of france', 'tell me a joke', 'who won the football game', 'how tall is mount everest',
  '法国的首都是哪里', '给我讲个笑话', '珠穆朗玛峰有多高', '谁赢了昨天的足球赛',
].map((text) => ({ text, intent: null }));

describe('one intent, several languages', () => {
  it('recognises paraphrases in either language (traditional, full-width and mixed text too) and keeps a threshold per language', async () => {
    const { classifier } = await trainClassifier([...examples, ...offTopic], [], { hyper: { nlpjs: 'off' } });
    const probes: [string, string][] = [
      ['my parcel still has not arrived', 'order_status'],
      ['我的包裹到哪里了', 'order_status'],
      ['我的訂單到哪了', 'order_status'],
      ['我的order还没到', 'order_status'],
      ['申请退款', 'refund'],
      ['ＲＥＦＵＮＤ my purchase please', 'refund'],
      ['你们周六几点开门', 'opening_hours'],
    ];
    for (const [text, intent] of probes) expect([text, (await classifier.predict(text)).intent?.name]).toEqual([text, intent]);
    expect(Object.keys(classifier.languageThresholds ?? {}).sort()).toEqual(['en', 'zh']);
    const restored = await (await import('./intent-classifier.js')).IntentClassifier.fromState(classifier.toState());
    expect(restored.languageThresholds).toEqual(classifier.languageThresholds);
  });
});
