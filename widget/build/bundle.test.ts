import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWidgetBundle, WIDGET_GZIP_BUDGET } from './bundle.js';

const clientDir = fileURLToPath(new URL('../client/', import.meta.url));

async function clientSources(dir = clientDir): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await clientSources(path)));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push({ file: path, text: await readFile(path, 'utf8') });
  }
  return out;
}

describe('widget bundle', () => {
  it('builds one browser script within the 60 KB gzip budget', async () => {
    const { code, gzipBytes } = await buildWidgetBundle();
    console.log(`widget.js: ${code.length} bytes minified, ${gzipBytes} bytes gzip (budget ${WIDGET_GZIP_BUDGET})`);
    expect(gzipBytes).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET);
    expect(code).toContain('parley-widget');
    expect(code).toContain('attachShadow');
    // Type-only protocol imports: zod (server validation) must not ship to browsers.
    expect(code).not.toMatch(/ZodError|zod/i);
    expect(code).not.toMatch(/\brequire\(|import\.meta/);
  });

  it('our client code never renders markup from strings', async () => {
    const sources = await clientSources();
    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.filter((s) => /innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|eval\(/.test(s.text));
    expect(offenders.map((s) => s.file)).toEqual([]);
  });

  it('the client imports nothing server-side', async () => {
    const sources = await clientSources();
    const imports = sources.flatMap((s) => [...s.text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string));
    const internal = imports.filter((i) => i.startsWith('../') && /core|bot|stores|server/.test(i));
    expect(internal.every((i) => /\/core\/(protocol|schemas)\/index\.js$/.test(i))).toBe(true);
  });
});
