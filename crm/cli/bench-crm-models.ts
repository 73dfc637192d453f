/**
 * bench:crm-models — every CRM model over generated data (default 100k customers, ~1M order
 * lines over two years), timed end to end through runModelsInWorker (the models run in a worker
 * thread; this thread only hands over batches and takes the results back in chunks), with this thread's event-loop delay alongside.
 *
 *   npm run bench:crm-models [-- --customers 100000]
 *
 * Progress on stderr; the last stdout line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runModelsInWorker } from '../run/run-models.js';
import type { OrderLine } from '../models/input.js';
import { simulate } from '../testing/simulate.js';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '100000' } } });
const n = Number(values.customers);
const START = Date.UTC(2024, 0, 1);
const DAYS = 730;
const log = (s: string) => process.stderr.write(`${s}\n`);

const t0 = Date.now();
// Parameters that give ~5 orders per customer on average; each order has 2 lines.
const sim = simulate(n, { r: 1.2, alpha: 80, a: 0.5, b: 4, p: 3, q: 4, gamma: 90 }, { joinDays: 600, endDays: DAYS, seed: 1 });
const events: { ms: number; c: number; k: number }[] = [];
sim.forEach((c, ci) => c.times.forEach((t, k) => events.push({ ms: START + Math.floor(t * 86_400_000), c: ci, k })));
events.sort((a, b) => a.ms - b.ms);
let lines = 0;
async function* batches(): AsyncGenerator<OrderLine[]> {
  let batch: OrderLine[] = [];
  for (const e of events) {
    const c = sim[e.c]!;
    const date = new Date(e.ms).toISOString();
    const v = c.values[e.k]!;
    batch.push({ customerId: c.id, orderId: `${c.id}-${e.k}`, date, productId: 'p1', quantity: 1, amount: v * 0.7 });
    batch.push({ customerId: c.id, orderId: `${c.id}-${e.k}`, date, productId: 'p2', quantity: 1, amount: v * 0.3 });
    lines += 2;
    if (batch.length >= 5000) yield batch, (batch = []);
  }
  if (batch.length) yield batch;
}
log(`generated ${n} customers, ${events.length} orders in ${Date.now() - t0} ms`);

const t1 = Date.now();
const cpu0 = process.cpuUsage();
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
let scored = 0;
const summary = await runModelsInWorker(
  { asOf: new Date(START + DAYS * 86_400_000), conversations: [], lines: batches() },
  { customers: async (items) => void (scored += items.length) },
);
lag.disable();
const seconds = (Date.now() - t1) / 1000;
// Process-wide (both threads): on a shared machine wall time says more about the neighbours.
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e5) / 10;
const lagP99Ms = Math.round(lag.percentile(99) / 1e6);
const s = summary;
log(`runModelsInWorker: ${seconds.toFixed(1)} s wall, ${cpuSeconds} s CPU (main-thread event-loop delay p99 ${lagP99Ms} ms) for ${scored} customers, ${lines} lines; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
log(`churn horizon ${s.churn.horizonDays} days, held-out AUC ${s.churn.heldOutAuc?.toFixed(3)}; clv ${s.clv.model?.kind}`);
process.stdout.write(`${JSON.stringify({ customers: scored, lines, seconds, cpuSeconds, eventLoopDelayP99Ms: lagP99Ms, rssMb: Math.round(process.memoryUsage().rss / 1e6), heldOutAuc: s.churn.heldOutAuc })}\n`);
