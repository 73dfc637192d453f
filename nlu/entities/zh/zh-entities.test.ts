import { describe, expect, it } from '@jest/globals';
import { createEntityExtractor } from '../extractor.js';
import { parseChineseNumber } from './chinese-numerals.js';

// Monday 2026-12-07, 09:00 UTC.
const extractor = createEntityExtractor([], () => new Date('2026-12-07T09:00:00Z'));
const found = (text: string) => extractor.extract(text).map((e) => [e.entity, e.text, e.value]);

describe('Chinese numerals', () => {
  it.each([
    ['三百五十', 350], ['两千', 2000], ['十五', 15], ['二十', 20], ['一万二千', 12000], ['三千五', 3500],
    ['一千零五', 1005], ['二零二六', 2026], ['3万', 30000], ['1.5万', 15000], ['一亿', 1e8],
  ] as const)('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });
});

describe('Chinese entities', () => {
  it('finds numbers written in Chinese, but not 一下 or 十分', () => {
    expect(found('我要买三百五十个')).toContainEqual(['number', '三百五十', 350]);
    expect(found('一共两千元')).toContainEqual(['money', '两千元', '2000.00 CNY']);
    expect(found('我要三个')).toContainEqual(['number', '三', 3]);
    expect(found('请帮我查一下，十分感谢')).toEqual([]);
  });

  it('resolves dates and times', () => {
    expect(found('明天下午三点送到')).toEqual([['date', '明天', '2026-12-08'], ['time', '下午三点', '15:00']]);
    expect(found('下周一可以吗')).toEqual([['date', '下周一', '2026-12-14']]);
    expect(found('3月5日')).toEqual([['date', '3月5日', '2026-03-05']]);
    expect(found('晚上8点半')).toEqual([['time', '晚上8点半', '20:30']]);
    expect(found('这周五')).toEqual([['date', '这周五', '2026-12-11']]);
  });

  it('finds an 11-digit mobile number, an order id, an email and full-width forms next to Chinese text', () => {
    expect(found('我的手机号是13812345678')).toEqual([['phone', '13812345678', '13812345678']]);
    expect(found('订单号：AB20261207001还没到')).toEqual([['order_id', 'AB20261207001', 'AB20261207001']]);
    expect(found('我的邮箱是li.wei@example.com谢谢')).toEqual([['email', 'li.wei@example.com', 'li.wei@example.com']]);
    expect(found('手机１３８１２３４５６７８')).toEqual([['phone', '１３８１２３４５６７８', '13812345678']]);
    expect(found('订单ＡＢＣ１２３４５６')).toEqual([['order_id', 'ＡＢＣ１２３４５６', 'ABC123456']]);
  });

  it('handles mixed text, emoji, traditional characters, punctuation only and a 4,000-character message', () => {
    expect(found('order #12345 明天到吗😀')).toEqual([['order_id', '#12345', '12345'], ['date', '明天', '2026-12-08']]);
    expect(found('後天送到')).toEqual([['date', '後天', '2026-12-09']]);
    expect(found('？！。，')).toEqual([]);
    const long = '我的快递一直没有到，'.repeat(399) + '电话13812345678';
    expect(found(long)).toEqual([['phone', '13812345678', '13812345678']]);
  });
});
