/**
 * npm run bench:crm-import [-- --lines 1000000 --customers 100000 --batch 10000 --reimport]: writes an orders CSV
 * of `lines` order lines (about 5 lines per order, `customers` shop customers, two years of dates, 2%
 * returns), then times the streaming import into a fresh embedded store; `--reimport` times the same file
 * again (every line unchanged). Peak RSS shows the file is never held whole. Progress on stderr; the
 * last stdout line is one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { seededRandom, systemClock, type Stores } from '../../core/index.js';
import { importOrdersCsv } from '../imports/import-orders.js';
import { stderrProgress } from './crm-import.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

async function writeCsv(file: string, lines: number, customers: number): Promise<number> {
  // Seeded: every run imports the same file.
  const rand = seededRandom(7);
  const out = fs.createWriteStream(file);
  const start = Date.UTC(2024, 0, 1);
  let written = 0;
  let order = 0;
  out.write('orderId,customerId,date,productId,quantity,amount\n');
  while (written < lines) {
    const customer = `shop-${Math.floor(rand() * customers)}`;
    const date = new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
    const n = Math.min(lines - written, 1 + Math.floor(rand() * 9));
    const returned = rand() < 0.02;
    let chunk = '';
    for (let l = 0; l < n; l++) {
      const q = (1 + Math.floor(rand() * 4)) * (returned ? -1 : 1);
      chunk += `ORD${order},${customer},${date},SKU${l}-${Math.floor(rand() * 500)},${q},${(q * (1 + rand() * 40)).toFixed(2)}\n`;
    }
    written += n;
    order++;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return order;
}

export async function runCrmImportBench(openStores: (dataDir: string) => Promise<Stores>): Promise<void> {
  const lines = Number(arg('lines', '1000000'));
  const customers = Number(arg('customers', '100000'));
  const batchSize = Number(arg('batch', '10000'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-crm-'));
  const file = path.join(dir, 'orders.csv');
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  try {
    log(`writing ${lines} order lines for ${customers} customers`);
    const orders = await writeCsv(file, lines, customers);
    const sizeBytes = fs.statSync(file).size;
    log(`${(sizeBytes / 1e6).toFixed(1)} MB, ${orders} orders; importing`);
    const stores = await openStores(path.join(dir, 'data'));
    const deps = { orders: stores.orders, customers: stores.customers, now: () => systemClock.now() };
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    const report = await importOrdersCsv(fs.createReadStream(file), deps, { sizeBytes, batchSize, onProgress: stderrProgress('import', log) });
    const importSeconds = (Date.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process: on a shared machine the wall time also counts other jobs' load.
    const importCpuSeconds = Math.round((cpu.user + cpu.system) / 1e4) / 100;
    let reimportSeconds: number | null = null;
    let reimportDuplicates: number | null = null;
    if (process.argv.includes('--reimport')) {
      const t1 = Date.now();
      const again = await importOrdersCsv(fs.createReadStream(file), deps, { sizeBytes, batchSize, onProgress: stderrProgress('re-import', log) });
      reimportSeconds = (Date.now() - t1) / 1000;
      reimportDuplicates = again.duplicates;
    }
    const counts = await stores.orders.count();
    await stores.close();
    const result = {
      lines, orders, customers, batchSize, fileMB: Math.round(sizeBytes / 1e5) / 10,
      importSeconds, importCpuSeconds, linesPerSecond: Math.round(lines / importSeconds), loadAverage: os.loadavg()[0],
      imported: report.imported, errors: report.errorCount, customersCreated: report.customersCreated,
      stored: counts, reimportSeconds, reimportDuplicates,
      peakRssMB: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1e6),
      node: process.version, cpus: os.cpus().length,
    };
    log(`imported ${lines} lines in ${importSeconds.toFixed(1)} s`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
