import { describe, expect, it } from '@jest/globals';
import { nluAnalysisSchema, type Intent } from '../../core/index.js';
import { demoIntents } from '../demo/demo-intents.js';
import { demoIntentsZh } from '../demo/demo-intents-zh.js';
import { NluModel } from './nlu-model.js';
import { trainNluModel } from './train-model.js';

// One bot, every intent holding English and Chinese utterances.
const bilingual: Intent[] = demoIntents.map((i) => ({
  ...i,
  utterances: [...i.utterances, ...(demoIntentsZh.find((z) => z.name === i.name)?.utterances ?? [])],
}));

describe('analysis of awkward Chinese input', () => {
  it('analyses mixed, full-width, emoji, traditional, very long and punctuation-only text', async () => {
    const model = await NluModel.load((await trainNluModel({ intents: bilingual, entities: [] })).data);
    const analyse = async (text: string) => nluAnalysisSchema.parse(await model.analyze(text));

    const mixed = await analyse('我的order ORD-123456还没到，please check');
    expect(mixed.intent?.name).toBe('order_status');
    expect(mixed.entities).toContainEqual(expect.objectContaining({ entity: 'order_id', value: 'ORD-123456' }));
    expect(mixed.sentiment.label).toBe('negative');

    const wide = await analyse('订单号ＡＢＣ１２３４５６到哪了？');
    expect(wide.intent?.name).toBe('order_status');
    expect(wide.entities).toContainEqual(expect.objectContaining({ entity: 'order_id', text: 'ＡＢＣ１２３４５６', value: 'ABC123456' }));

    expect((await analyse('我要退款😡😡')).intent?.name).toBe('refund');
    expect((await analyse('我的訂單到哪了')).intent?.name).toBe('order_status');
    expect((await analyse('怎麼重置密碼')).intent?.name).toBe('reset_password');

    const long = await analyse('我的快递一直没有到，'.repeat(400));
    expect(long.sentiment.label).toBe('negative');

    const punctuation = await analyse('？！。，……');
    expect(punctuation).toMatchObject({ intent: null, entities: [], sentiment: { label: 'neutral' } });
  });
});
