import { describe, expect, it } from '@jest/globals';
import { analyze, processTerm, tokenize } from './analyzer.js';

describe('analyzer', () => {
  it('stems, splits letters from digits and expands contractions', () => {
    expect(analyze("Deliveries of COVID19 don't arrive").terms).toEqual(['deliveri', 'of', 'covid', '19', 'do', 'not', 'arriv']);
  });

  it('drops stop words from answers only', () => {
    expect(processTerm('where')).toBe('where');
    expect(processTerm('where', 'answer')).toBeNull();
    expect(processTerm('not', 'answer')).toBe('not');
  });

  it('ignores markup but keeps the words', () => {
    expect(tokenize('<b>Free</b> **shipping** `now`')).toEqual(['free', 'shipping', 'now']);
  });

  it('caps the number of distinct terms', () => {
    const long = Array.from({ length: 500 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    expect(analyze(long, 64).terms.length).toBe(64); // the limit parameter
  });
});

describe('tokenize', () => {
  it('handles contractions, curly quotes, accents and non-latin letters', () => {
    expect(tokenize('it doesnt work, I cant pay')).toEqual(tokenize("it doesn't work, I can't pay"));
    expect(tokenize("I can't, it won’t, we're café Ünïcode 東京 x2")).toEqual(['i', 'can', 'not', 'it', 'will', 'not', 'we', 'are', 'cafe', 'unicode', 'x', '2', '东京', '东京']);
  });

  it('gives a Chinese run its words and character bigrams, traditional folded to simplified, full-width to ASCII', () => {
    const zh = tokenize('我的訂單');
    expect(zh).toEqual(expect.arrayContaining(['订单', '我的', '的订']));
    expect(zh.some((t) => /[訂單]/.test(t))).toBe(false);
    expect(tokenize('ＡＢＣ１２３订单')).toEqual(expect.arrayContaining(['abc', '123', '订单']));
    expect(tokenize('？！。，')).toEqual([]);
  });
});
