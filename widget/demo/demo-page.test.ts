import { describe, expect, it } from '@jest/globals';
import { demoPageHtml } from './demo-page.js';

describe('demo shop page', () => {
  it('has a Chinese version that tells the widget to speak Chinese and links back to English', () => {
    const zh = demoPageHtml({ language: 'zh' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toMatch(/<script src="\/widget.js" data-parley-locale="zh-CN" async><\/script>/);
    expect(zh).toContain('href="/en/"');
    // Only code, brand names and the embed snippet stay Latin: the shop's prose is Chinese.
    const prose = zh.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&lt;[\s\S]*?&gt;/g, ' ');
    expect(prose.match(/\b[a-z]{4,}\b/gi)?.filter((w) => !['Parley', 'script', 'healthz', 'English'].includes(w)) ?? []).toEqual([]);
  });

  it('keeps the English page as it was, with the widget following the browser language', () => {
    const en = demoPageHtml();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<script src="/widget.js" async></script>');
    expect(en).toContain('href="/zh/"');
    expect(en).toContain('Try the assistant');
  });
});
