import { describe, expect, it } from '@jest/globals';
import { analyzeSentiment } from '../analyze-sentiment.js';

const label = (t: string) => analyzeSentiment(t).label;
const score = (t: string) => analyzeSentiment(t).score;

describe('Chinese sentiment', () => {
  it('reads praise and complaints', () => {
    expect(label('很好吃，送餐也很快，非常满意')).toBe('positive');
    expect(label('太难吃了，再也不会点了')).toBe('negative');
    expect(label('我想查询一下我的订单')).toBe('neutral');
  });

  it('negation flips a word and fixed phrases are not negations', () => {
    expect(label('不好吃')).toBe('negative');
    expect(label('并不满意')).toBe('negative');
    expect(label('没有想象中好')).toBe('negative');
    expect(label('别买，不新鲜')).toBe('negative');
    expect(label('味道不错')).toBe('positive');
    expect(score('不难吃')).toBeGreaterThan(score('难吃'));
  });

  it('degree adverbs strengthen and soften', () => {
    expect(score('非常好吃')).toBeGreaterThan(score('好吃'));
    expect(score('太慢了')).toBeLessThan(score('有点慢'));
    expect(score('很差')).toBeLessThan(0);
  });

  it('customer-service complaint patterns count without a sentiment word', () => {
    expect(label('我的快递还没到')).toBe('negative');
    expect(label('等了两个小时')).toBe('negative');
    expect(label('收到的杯子坏了，我要退款')).toBe('negative');
    expect(label('我要投诉你们的配送员')).toBe('negative');
    expect(label('为什么还没有发货')).toBe('negative');
  });

  it('a polite question about a refund is not a complaint', () => {
    expect(label('请问怎么申请退款？')).toBe('neutral');
  });

  it('a contrast puts the weight on what follows it', () => {
    expect(label('味道还可以，但是送得太慢了')).toBe('negative');
    expect(label('送得有点慢，不过很好吃')).toBe('positive');
  });

  it('handles traditional characters, full-width text, emoji and English inside Chinese', () => {
    expect(label('我的訂單還沒到，太失望了')).toBe('negative');
    expect(label('ＡＢＣ１２３的订单，非常满意！')).toBe('positive');
    expect(label('送餐太慢了😡')).toBe('negative');
    expect(label('味道很好 👍')).toBe('positive');
    expect(label('this order is terrible 真的很差')).toBe('negative');
  });

  it('analyses a 4,000-character message and punctuation-only text', () => {
    const long = '我的快递一直没有到，'.repeat(400);
    expect([...long].length).toBe(4000);
    expect(label(long)).toBe('negative');
    expect(analyzeSentiment('？！。，……')).toEqual({ score: 0, label: 'neutral' });
  });
});
