import { describe, expect, it } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsoleBundle, consoleHtml } from './bundle.js';

const clientDir = fileURLToPath(new URL('./client', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await sources(join(dir, e.name))));
    else if (/\.tsx?$/.test(e.name)) out.push(join(dir, e.name));
  }
  return out;
}

describe('console bundle', () => {
  it('builds preact + socket.io-client into one self-contained script (no CDN, no module imports)', async () => {
    const { js } = await buildConsoleBundle();
    expect(js.length).toBeGreaterThan(10_000);
    expect(js).not.toMatch(/https?:\/\/(cdn|unpkg|esm\.sh|jsdelivr)/);
    expect(js).not.toMatch(/^\s*import\s/m);
    expect(js).toContain('/api/auth/login');
  });

  it('never renders customer or FAQ text as HTML', async () => {
    for (const file of await sources(clientDir)) {
      const text = await readFile(file, 'utf8');
      expect([file, /dangerouslySetInnerHTML|\.innerHTML|insertAdjacentHTML|document\.write/.test(text)]).toEqual([file, false]);
    }
  });

  it('serves a page with no inline script (CSP script-src self)', () => {
    const html = consoleHtml();
    expect(html).toContain('<script src="/console/app.js" defer></script>');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
