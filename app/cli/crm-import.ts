/**
 * npm run crm:import -- --orders <csv> [--products <csv>]: streams the files into the configured store
 * (same env as `npm start`; a running server may stay up). Last stdout line: one JSON summary.
 */
import { isParleyError } from '../../core/index.js';
import { createAnalytics } from '../../analytics/index.js';
import { runCrmImport } from '../../crm/index.js';
import { loadConfig } from '../config.js';
import { openStores } from '../compose.js';

const stores = await openStores(loadConfig());
const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
try {
  // The server's next analytics run retrains on the new orders.
  const analytics = createAnalytics({ stores });
  const summary = await runCrmImport(process.argv.slice(2), { stores, log, onOrdersChanged: () => analytics.ordersChanged() });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} catch (err) {
  const detail = isParleyError(err) ? `${err.code}: ${JSON.stringify(err.details ?? {})}` : String(err);
  process.stderr.write(`crm:import failed: ${detail}\n`);
  process.exitCode = 1;
} finally {
  await stores.close();
}
