/**
 * npm run crm:import -- --orders <csv> [--products <csv>]: the same streaming import as
 * POST /api/orders/import, for files too large to upload. Progress on stderr; the last stdout line is
 * one JSON object `{ products?, orders?, durationMs }`. crm/ may not import stores/: the entry in app/cli
 * hands in the stores.
 */
import fs from 'node:fs';
import { ParleyError, type Stores } from '../../core/index.js';
import { createCrm } from '../service.js';
import type { ImportReport } from '../imports/report.js';

const USAGE = 'Usage: npm run crm:import -- --orders <orders.csv> [--products <products.csv>]';

export function parseImportArgs(argv: string[]): { orders?: string; products?: string } {
  const out: { orders?: string; products?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if ((name === '--orders' || name === '--products') && value && !value.startsWith('--')) {
      out[name === '--orders' ? 'orders' : 'products'] = value;
      i++;
    } else {
      throw new ParleyError('ERR_VALIDATION', { issues: [{ path: name ?? '(args)', message: `Unexpected argument. ${USAGE}` }] });
    }
  }
  if (!out.orders && !out.products) throw new ParleyError('ERR_VALIDATION', { issues: [{ path: '(args)', message: USAGE }] });
  return out;
}

/** Logs progress in 5% steps (and the elapsed time) on stderr. */
export function stderrProgress(label: string, log: (msg: string) => void): (fraction: number) => void {
  const started = Date.now();
  let shown = -1;
  return (f) => {
    const pct = Math.floor(f * 20) * 5;
    if (pct <= shown) return;
    shown = pct;
    log(`${label}: ${pct}% (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
}

export async function runCrmImport(
  argv: string[],
  deps: { stores: Pick<Stores, 'orders' | 'customers' | 'kv'>; log: (msg: string) => void; onOrdersChanged?: () => Promise<void> },
): Promise<{ products?: ImportReport; orders?: ImportReport; durationMs: number }> {
  const args = parseImportArgs(argv);
  const crm = createCrm({ stores: deps.stores, onOrdersChanged: deps.onOrdersChanged });
  const started = Date.now();
  const out: { products?: ImportReport; orders?: ImportReport; durationMs: number } = { durationMs: 0 };
  // Products first: the catalogue names what the orders refer to.
  for (const kind of ['products', 'orders'] as const) {
    const file = args[kind];
    if (!file) continue;
    const sizeBytes = fs.statSync(file).size;
    deps.log(`${kind}: importing ${file} (${(sizeBytes / 1e6).toFixed(1)} MB)`);
    const run = kind === 'orders' ? crm.importOrders : crm.importProducts;
    const report = await run(fs.createReadStream(file), { sizeBytes, onProgress: stderrProgress(kind, deps.log) });
    deps.log(`${kind}: ${report.imported} imported (${report.updated} updated), ${report.duplicates} unchanged, ${report.errorCount} row errors in ${(report.durationMs / 1000).toFixed(1)} s`);
    for (const e of report.errors.slice(0, 10)) deps.log(`  line ${e.line}: ${e.message}`);
    out[kind] = report;
  }
  out.durationMs = Date.now() - started;
  return out;
}
