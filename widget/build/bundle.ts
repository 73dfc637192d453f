import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ENTRY = fileURLToPath(new URL('../client/main.tsx', import.meta.url));

/** Bundle budget of the issue: the widget must stay small on customers' sites. */
export const WIDGET_GZIP_BUDGET = 60 * 1024;

/**
 * Bundles the browser widget (preact + socket.io-client) into one IIFE script,
 * served at GET /widget.js. Minified by default; the caller caches the result.
 */
export async function buildWidgetBundle(opts: { minify?: boolean } = {}): Promise<{ code: string; gzipBytes: number }> {
  const minify = opts.minify ?? true;
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: ['es2019', 'chrome80', 'firefox78', 'safari13'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify,
    sourcemap: false,
    legalComments: minify ? 'none' : 'inline',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  const code = file.text;
  return { code, gzipBytes: gzipSync(code).length };
}
