import { buildWidgetBundle, WIDGET_GZIP_BUDGET } from '../build/bundle.js';

// Measures the widget bundle; human lines on stderr, one JSON object as the last stdout line.
const min = await buildWidgetBundle({ minify: true });
const dev = await buildWidgetBundle({ minify: false });
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
process.stderr.write(`widget.js minified: ${kb(Buffer.byteLength(min.code))} raw, ${kb(min.gzipBytes)} gzip (budget ${kb(WIDGET_GZIP_BUDGET)})\n`);
process.stderr.write(`widget.js unminified: ${kb(Buffer.byteLength(dev.code))} raw, ${kb(dev.gzipBytes)} gzip\n`);
console.log(
  JSON.stringify({
    minifiedBytes: Buffer.byteLength(min.code),
    gzipBytes: min.gzipBytes,
    unminifiedBytes: Buffer.byteLength(dev.code),
    unminifiedGzipBytes: dev.gzipBytes,
    budgetGzipBytes: WIDGET_GZIP_BUDGET,
    withinBudget: min.gzipBytes <= WIDGET_GZIP_BUDGET,
  }),
);
