/**
 * bench:crm-run — a full CRM run through the product path: order lines in the store (1M by
 * default, ~100k customers), then `createCrmModels().run()` (lines read from the store, models in
 * their worker, insights written back), with this thread's event-loop delay during the run beside
 * its delay while idle. The entry in app/cli hands in the store (crm/ may not import stores/).
 * Progress on stderr; the last stdout line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { systemClock, type ImportLine, type Stores } from '../../core/index.js';
import { createCrmModels } from '../models-service.js';
import { simulate } from '../testing/simulate.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const DAYS = 730;
const log = (s: string) => process.stderr.write(`${s}\n`);

async function lagWhile(work: () => Promise<unknown>): Promise<{ p99Ms: number; maxMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  await work();
  h.disable();
  return { p99Ms: Math.round(h.percentile(99) / 1e5) / 10, maxMs: Math.round(h.max / 1e5) / 10 };
}

export async function runCrmRunBench(openStores: (dataDir: string) => Promise<Stores>): Promise<void> {
  const { values } = parseArgs({ options: { customers: { type: 'string', default: '100000' } } });
  const n = Number(values.customers);
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-crm-'));
  const stores = await openStores(dir);
  try {
    // ~5 orders of two lines per customer: 100k customers give ~1M lines.
    const sim = simulate(n, { r: 1.2, alpha: 80, a: 0.5, b: 4, p: 3, q: 4, gamma: 90 }, { joinDays: 600, endDays: DAYS, seed: 1 });
    let lines = 0;
    const t0 = Date.now();
    let batch: ImportLine[] = [];
    const flush = async () => {
      if (batch.length) await stores.orders.upsertLines(batch, { status: 'delivered' });
      lines += batch.length;
      batch = [];
    };
    for (const c of sim) {
      for (let k = 0; k < c.times.length; k++) {
        const date = new Date(START + Math.floor(c.times[k]! * DAY)).toISOString();
        const v = c.values[k]!;
        batch.push({ orderId: `${c.id}-${k}`, customerId: c.id, date, productId: 'p1', quantity: 1, amount: Math.round(v * 70) / 100 });
        batch.push({ orderId: `${c.id}-${k}`, customerId: c.id, date, productId: 'p2', quantity: 1, amount: Math.round(v * 30) / 100 });
        if (batch.length >= 5000) await flush();
      }
    }
    await flush();
    const seedSeconds = (Date.now() - t0) / 1000;
    log(`stored ${lines} lines of ${n} customers in ${seedSeconds.toFixed(1)} s`);

    const idle = await lagWhile(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    const crm = createCrmModels({ stores, clock: systemClock });
    const t1 = Date.now();
    const cpu0 = process.cpuUsage();
    let summary: Awaited<ReturnType<typeof crm.run>> | undefined;
    const during = await lagWhile(async () => {
      summary = await crm.run({ asOf: new Date(START + DAYS * DAY), onProgress: (p) => process.env.BENCH_TRACE && log(`${Date.now() - t1} ms ${p.phase} ${p.lines} ${p.customers}`) });
    });
    const seconds = (Date.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    log(`full run: ${seconds.toFixed(1)} s wall for ${summary?.customers} customers; event-loop delay p99 ${during.p99Ms} ms (idle ${idle.p99Ms} ms), max ${during.maxMs} ms; rss ${rssMb} MB`);
    log(`notes: ${summary?.notes.join(' | ') || 'none'}; churn AUC ${summary?.churn.auc}`);
    process.stdout.write(
      `${JSON.stringify({
        customers: summary?.customers,
        lines,
        seedSeconds,
        runSeconds: seconds,
        processCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
        eventLoopP99Ms: during.p99Ms,
        eventLoopMaxMs: during.maxMs,
        idleEventLoopP99Ms: idle.p99Ms,
        rssMb,
      })}\n`,
    );
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
