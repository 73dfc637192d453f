/**
 * npm run build:ui — bundles the widget and the staff console once (the server also builds them
 * on first request and caches them) and prints their sizes; fails loudly on a bundling error.
 * Last stdout line: one JSON object.
 */
import { gzipSync } from 'node:zlib';
import { buildWidgetBundle, WIDGET_GZIP_BUDGET } from '../../widget/index.js';
import { buildConsoleBundle } from '../../admin/index.js';

const widget = await buildWidgetBundle();
const consoleJs = (await buildConsoleBundle()).js;
const result = {
  widget: { bytes: Buffer.byteLength(widget.code), gzipBytes: widget.gzipBytes, budgetGzipBytes: WIDGET_GZIP_BUDGET },
  console: { bytes: Buffer.byteLength(consoleJs), gzipBytes: gzipSync(consoleJs).length },
};
process.stderr.write(`widget.js ${(result.widget.gzipBytes / 1024).toFixed(1)} KB gzip, console app.js ${(result.console.gzipBytes / 1024).toFixed(1)} KB gzip\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
if (widget.gzipBytes > WIDGET_GZIP_BUDGET) process.exitCode = 1;
