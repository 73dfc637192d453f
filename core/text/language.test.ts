import { describe, expect, it } from '@jest/globals';
import { detectLanguage, localeLanguage, localeSchema, replyLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['我想查询一下我的订单', 'zh'],
    ['我的訂單還沒到', 'zh'],
    ['我的order还没到', 'zh'],
    ['iPhone 15 坏了', 'zh'],
    ['好', 'zh'],
    ['where is my order', 'en'],
    ['ok', 'en'],
    ['k', 'en'],
    ['ＡＢＣ１２３', 'und'],
    ['我的订单ＡＢＣ１２３到哪了', 'zh'],
    ['注文はまだ届きません', 'ja'],
    ['주문이 아직 안 왔어요', 'ko'],
    ['12345', 'und'],
    ['？！。，', 'und'],
    ['👍😡', 'und'],
    ['', 'und'],
  ] as const)('%s -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('a long Chinese message with a few English words stays Chinese', () => {
    expect(detectLanguage(`${'我的快递一直没有到，'.repeat(400)} please help`)).toBe('zh');
  });
});

describe('locales', () => {
  it('reads the primary language of a tag and refuses what is not a tag', () => {
    expect(localeLanguage('zh-Hant-TW')).toBe('zh');
    expect(localeLanguage('en-GB')).toBe('en');
    expect(localeLanguage('fr-FR')).toBe('und');
    expect(localeSchema.safeParse('zh-CN').success).toBe(true);
    expect(localeSchema.safeParse('<script>').success).toBe(false);
  });

  it('answers in the message language, else the conversation, else the locale', () => {
    expect(replyLanguage('en', 'zh', 'zh-CN')).toBe('en');
    expect(replyLanguage('und', 'zh', 'en-US')).toBe('zh');
    expect(replyLanguage('und', null, 'zh-CN')).toBe('zh');
    expect(replyLanguage('und', undefined, undefined)).toBe('und');
  });
});
