import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleLocale, getLocale, setLocale, t, tx } from './index.js';
import { zhCN, type ConsoleKey } from './zh-cn.js';

const clientDir = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'i18n' ? [] : sources(p);
    return /\.tsx?$/.test(f) && !f.includes('.test.') ? [p] : [];
  });

describe('console catalogs', () => {
  afterEach(() => setLocale('en'));

  it('reads the browser language: any Chinese tag is zh-CN', () => {
    expect(['zh', 'zh-CN', 'zh-TW'].map(consoleLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en-US', 'de', undefined, null].map(consoleLocale)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('English is the key; zh-CN translates it and keeps every placeholder', () => {
    expect(t('Saved "{name}". Retrain to use it.', { name: 'refund' })).toBe('Saved "refund". Retrain to use it.');
    setLocale('zh-CN');
    expect(getLocale()).toBe('zh-CN');
    expect(t('Saved "{name}". Retrain to use it.', { name: 'refund' })).toBe('已保存“refund”。重新训练后生效。');
    for (const key of Object.keys(zhCN) as ConsoleKey[]) {
      const holes = (s: string) => (s.match(/\{\{?\w+\}\}?/g) ?? []).sort();
      expect([key, holes(zhCN[key])]).toEqual([key, holes(key)]);
      expect([key, /[\u4e00-\u9fff]/.test(zhCN[key])]).toEqual([key, true]);
    }
  });

  it('translates words that arrive as data when it knows them and passes others through', () => {
    setLocale('zh-CN');
    expect([tx('queued'), tx('admin'), tx('Dashboard'), tx('API keys')]).toEqual(['排队中', '管理员', '数据看板', 'API keys']);
  });

  it('every key the pages use exists in the zh-CN catalog', () => {
    // The compiler checks t('literal'); this catches keys chosen by a ternary inside t(...).
    const used = new Set<string>();
    for (const file of sources(clientDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*[^()]*?\?\s*'((?:[^'\\]|\\.)*)'\s*:\s*'((?:[^'\\]|\\.)*)'/g)) {
        used.add(m[1]!.replace(/\\'/g, "'"));
        used.add(m[2]!.replace(/\\'/g, "'"));
      }
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => !Object.hasOwn(zhCN, k))).toEqual([]);
  });
});
