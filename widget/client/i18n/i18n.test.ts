import { afterEach, describe, expect, it } from '@jest/globals';
import { statusLine, initialState } from '../state.js';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';
import { errorText, setWidgetLocale, t, uiLocale } from './index.js';

describe('widget catalogs', () => {
  afterEach(() => {
    setWidgetLocale('en');
  });

  it('maps any Chinese tag to zh-CN and everything else to English', () => {
    expect(['zh', 'zh-CN', 'zh-Hant-TW', 'ZH-hk'].map(uiLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect([undefined, 'en-GB', 'fr', 'zhx'].map(uiLocale)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    setWidgetLocale('zh-CN');
    expect(t('statusAgentNamed', { name: 'Ann' })).toBe('Ann 正在为您服务');
    expect(t('errTooLong')).toContain('{max}');
  });

  it('drives the state-derived lines too', () => {
    const view = { ...initialState(), connection: 'online' as const, conversation: { id: 'c', state: 'queued' as const, csatPending: false } };
    expect(statusLine(view)).toBe(en.statusQueued);
    setWidgetLocale('zh-CN');
    expect(statusLine(view)).toBe(zhCN.statusQueued);
  });

  it('translates refusals the customer can act on and keeps English server messages for English', () => {
    expect(errorText({ code: 'ERR_VALIDATION', message: 'text is empty' })).toBe('text is empty');
    setWidgetLocale('zh');
    expect(errorText({ code: 'ERR_VALIDATION', message: 'text is empty' })).toBe(zhCN.errGeneric);
    expect(errorText({ code: 'ERR_RATE_LIMITED', message: 'slow down' })).toBe(zhCN.errRateLimited);
  });

  it('has no untranslated Chinese entry and the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(/[\u4e00-\u9fff]/.test(zhCN[key])).toBe(true);
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(zhCN[key])).toEqual(holes(en[key]));
    }
  });
});
