import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./client/main.tsx', import.meta.url));

/**
 * Bundles the staff console (preact + socket.io-client, no CDN) in memory.
 * CSS is imported as text and injected by the bundle, so one file serves it all.
 */
export async function buildConsoleBundle(options: { minify?: boolean } = {}): Promise<{ js: string; css?: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles[0]?.text;
  if (!js) throw new Error('console bundle is empty');
  return { js };
}

/** The console page: a mount point and the bundle; no inline script (CSP script-src 'self'). */
export function consoleHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley console</title>
</head>
<body>
<div id="app"></div>
<script src="/console/app.js" defer></script>
</body>
</html>
`;
}
