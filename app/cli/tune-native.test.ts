import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./tune-native.mjs', import.meta.url));
/** Runs the postinstall script as npm would; it must exit 0 whatever it decides. */
const run = (env: Record<string, string | undefined>): string =>
  execFileSync(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });

describe('postinstall tune-native', () => {
  it('keeps the portable build when asked to', () => {
    expect(run({ PARLEY_PORTABLE_NATIVE: '1' })).toMatch(/kept the portable hnswlib build/);
  });

  it('never fails the install when it cannot rebuild: it says why and exits 0', () => {
    const out = run({ npm_config_node_gyp: '/nonexistent/node-gyp.js' });
    // Which reason depends on the machine (platform, CPU flags, an earlier rebuild); each is a plain sentence.
    expect(out).toMatch(/^tune-native: (node-gyp not found|nothing to do on|this CPU has no AVX2|hnswlib already built)/);
  });
});
