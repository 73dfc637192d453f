/**
 * bench:recs — recommendations at scale through the product path: generated order lines in the store (100k
 * customers, 10k products by default), then `createRecommender().run()` (lines read from the store, the model
 * fitted and every customer's lists computed in the worker, rows written back), then `forCustomer` served for
 * random customers (one store read each, as the route does). The entry in app/cli hands in the store.
 * Progress on stderr; the last stdout line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { seededRandom, systemClock, type ImportLine, type Stores } from '../../core/index.js';
import { createRecommender } from '../recommendations-service.js';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const log = (s: string) => process.stderr.write(`${s}\n`);

/**
 * Shoppers with tastes: products fall into groups of 50; each customer likes two groups, buys 1-8 days (geometric)
 * of 1-5 products, mostly from their groups and by a skewed popularity inside each group, sometimes re-buying.
 */
function* generate(customers: number, products: number, rand: () => number): Generator<ImportLine> {
  const groups = Math.max(1, Math.floor(products / 50));
  const pick = (g: number) => `p${g * 50 + Math.floor(50 * rand() ** 2)}`;
  for (let c = 0; c < customers; c++) {
    const likes = [Math.floor(rand() * groups), Math.floor(rand() * groups)];
    const bought: string[] = [];
    let day = Math.floor(rand() * 300);
    for (let k = 0; k < 8 && day < 700; k++) {
      const n = 1 + Math.floor(rand() * 5);
      const basket = new Set<string>();
      for (let i = 0; i < n; i++) basket.add(bought.length && rand() < 0.3 ? bought[Math.floor(rand() * bought.length)]! : rand() < 0.85 ? pick(likes[i % 2]!) : pick(Math.floor(rand() * groups)));
      for (const productId of basket) {
        bought.push(productId);
        yield { orderId: `o${c}-${k}`, customerId: `c${c}`, date: new Date(START + day * DAY).toISOString(), productId, quantity: 1, amount: 5 + Math.floor(rand() * 20) };
      }
      if (rand() < 0.35) break;
      day += 1 + Math.floor(rand() * 60);
    }
  }
}

export async function runRecsBench(openStores: (dataDir: string) => Promise<Stores>): Promise<void> {
  const { values } = parseArgs({ options: { customers: { type: 'string', default: '100000' }, products: { type: 'string', default: '10000' }, requests: { type: 'string', default: '2000' } } });
  const [n, m, requests] = [Number(values.customers), Number(values.products), Number(values.requests)];
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-recs-'));
  const stores = await openStores(dir);
  try {
    const rand = seededRandom(17);
    let lines = 0;
    let batch: ImportLine[] = [];
    const t0 = Date.now();
    for (const l of generate(n, m, rand)) {
      batch.push(l);
      if (batch.length === 20_000) (await stores.orders.upsertLines(batch, { status: 'delivered' }), (lines += batch.length), (batch = []));
    }
    if (batch.length) (await stores.orders.upsertLines(batch, { status: 'delivered' }), (lines += batch.length));
    await stores.orders.upsertProducts(Array.from({ length: m }, (_, p) => ({ productId: `p${p}`, name: `Product ${p}` })));
    log(`${lines} lines for ${n} customers, ${m} products stored in ${Date.now() - t0} ms`);

    const recs = createRecommender({ stores, clock: systemClock });
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const cpu0 = process.cpuUsage();
    const t1 = Date.now();
    const stats = await recs.run(new Date(START + 800 * DAY));
    const runMs = Date.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    lag.disable();
    log(`run ${runMs} ms wall (${Math.round((cpu.user + cpu.system) / 1000)} ms CPU, both threads): fit ${stats.fitMs} ms, lists ${stats.listsMs} ms, params ${JSON.stringify(stats.params)}; event-loop delay max ${Math.round(lag.max / 1e6)} ms`);

    const times: number[] = [];
    let empty = 0;
    for (let i = 0; i < requests; i++) {
      const id = `c${Math.floor(rand() * n)}`;
      const s = process.hrtime.bigint();
      const items = await recs.forCustomer(id, { limit: 10, onlyNew: i % 2 === 1 });
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (items.length === 0) empty++;
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 100) / 100;
    log(`serve (limit 10, names from the catalogue, warm after the first reads): p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms; empty lists ${empty}`);
    const r = { customers: n, products: m, lines, runMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000), fitMs: stats.fitMs, listsMs: stats.listsMs, params: stats.params, loopDelayMaxMs: Math.round(lag.max / 1e6), serve: { p50Ms: q(0.5), p99Ms: q(0.99), maxMs: q(1), requests, empty } };
    process.stdout.write(`${JSON.stringify(r)}\n`);
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
