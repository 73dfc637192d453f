/**
 * eval:crm — splits a purchase log at --cutoff, runs the product's CRM models on the part before
 * it (crm computeInsights, nothing eval-specific) and compares with what the customers actually
 * did from the cutoff to the end of the log. The churn and CLV horizons are set to that hold-out
 * length (so "churned" = no purchase in the hold-out, and expected revenue covers exactly it).
 *
 *   npm run eval:crm -- --orders ../shared/datasets/retail/orders.csv --cutoff 2011-09-01
 *
 * Progress on stderr; the last stdout line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { auc } from '../models/logistic.js';
import { computeInsights } from '../models/insights.js';
import { DAY_MS } from '../models/history.js';
import type { OrderLine } from '../models/input.js';
import { precisionAtTop, spearman } from '../models/metrics.js';
import { readOrdersCsv } from './read-orders-csv.js';

const { values } = parseArgs({ options: { orders: { type: 'string' }, cutoff: { type: 'string' } } });
if (!values.orders || !values.cutoff) {
  process.stderr.write('usage: npm run eval:crm -- --orders <csv> --cutoff <YYYY-MM-DD>\n');
  process.exit(2);
}
const cutoff = new Date(values.cutoff);
if (!Number.isFinite(cutoff.getTime())) throw new Error(`bad --cutoff ${values.cutoff}`);
const cutMs = cutoff.getTime();
const log = (s: string) => process.stderr.write(`${s}\n`);

const t0 = Date.now();
// Pass 1 (streaming): the end of the log, and each customer's orders after the cutoff (net value
// per distinct order). Pass 2 streams the file again straight into the models, which read only
// the lines before asOf, so the log is never held in memory.
const afterOrders = new Map<string, Map<string, number>>();
let lastMs = cutMs;
let bad = 0;
for await (const l of readOrdersCsv(values.orders, () => bad++)) {
  const ms = Date.parse(l.date);
  if (ms < cutMs) continue;
  lastMs = Math.max(lastMs, ms);
  let m = afterOrders.get(l.customerId);
  if (!m) afterOrders.set(l.customerId, (m = new Map()));
  m.set(l.orderId, (m.get(l.orderId) ?? 0) + l.amount);
}
// Hold-out = the cutoff day through the last day in the log, inclusive.
const holdoutDays = Math.floor(lastMs / DAY_MS) - Math.floor(cutMs / DAY_MS) + 1;
log(`read ${values.orders} in ${Date.now() - t0} ms (${bad} bad rows); hold-out ${holdoutDays} days to ${new Date(lastMs).toISOString().slice(0, 10)}`);

async function* batches(): AsyncGenerator<OrderLine[]> {
  let batch: OrderLine[] = [];
  for await (const l of readOrdersCsv(values.orders!, () => undefined)) {
    batch.push(l);
    if (batch.length >= 5000) yield batch, (batch = []);
  }
  if (batch.length) yield batch;
}

const t1 = Date.now();
const run = await computeInsights(batches(), null, { asOf: cutoff, clvHorizonDays: holdoutDays, churnHorizonDays: holdoutDays });
log(`models (second streaming pass included) in ${Date.now() - t1} ms`);
const s = run.summary;
log(`churn horizon ${s.churn.horizonDays} days (${s.churn.horizonSource}), cut ${s.churn.cutDate?.slice(0, 10)}; AUC on held-out customers at the cut ${s.churn.heldOutAuc?.toFixed(3)}`);
log(`CLV model: ${JSON.stringify(s.clv.model)}`);
if (s.calibration) log(`backtest ${s.calibration.from}..${s.calibration.to}: predicted ${s.calibration.predictedOrders} purchase days vs ${s.calibration.actualOrders}; revenue ${s.calibration.predictedRevenue} vs ${s.calibration.actualRevenue}`);
for (const n of s.notes) log(`note: ${n}`);
if (s.segments) for (const g of s.segments.items) log(`segment ${g.label}: ${g.size} customers, revenue ${Math.round(g.revenue)}, expected ${Math.round(g.expectedRevenue)}`);

const rows = run.customers.filter((c) => c.insights.orders > 0);
const actualSpend: number[] = [];
const actualOrders: number[] = [];
const churned: number[] = [];
for (const c of rows) {
  const m = afterOrders.get(c.customerId);
  let spend = 0;
  let orders = 0;
  for (const v of m?.values() ?? []) (spend += v), (orders += v > 0 ? 1 : 0);
  actualSpend.push(spend);
  actualOrders.push(orders);
  churned.push(orders === 0 ? 1 : 0);
}
const recencyDays = rows.map((c) => (cutMs - Date.parse(c.insights.lastOrderAt!)) / DAY_MS);
const rfm = rows.map((c) => c.insights.rfm?.score ?? 0);
const risk = rows.map((c) => c.insights.churn?.risk ?? 0.5);
const expRev = rows.map((c) => c.insights.clv?.expectedRevenue ?? 0);
const expOrd = rows.map((c) => c.insights.clv?.expectedOrders ?? 0);
const pAlive = rows.map((c) => c.insights.clv?.pAlive ?? 0);
const neg = (xs: number[]) => xs.map((x) => -x);
const r3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const figures = (churnScore: number[], value: number[], orders: number[]) => ({
  churnAuc: r3(auc(churnScore, churned)),
  churnP10: r3(precisionAtTop(churnScore, churned, 0.1)),
  clvSpearman: r3(spearman(value, actualSpend)),
  ordersSpearman: r3(spearman(orders, actualOrders)),
});
const ours = { ...figures(risk, expRev, expOrd), aggregateRatio: r3(sum(expRev) / sum(actualSpend)) };
const baselines = {
  recency: figures(recencyDays, neg(recencyDays), neg(recencyDays)),
  rfm: figures(neg(rfm), rfm, rfm),
  bgnbd: { ...figures(neg(pAlive), expRev, expOrd), note: 'churn = 1 - P(alive); value = MBG/NBD x Gamma-Gamma' },
};
log(`customers before the cutoff: ${rows.length}; churned in the hold-out: ${sum(churned)}; actual spend ${Math.round(sum(actualSpend))}, predicted ${Math.round(sum(expRev))}`);
log('                churnAuc churnP10 clvSpearman ordersSpearman');
const line = (name: string, f: { churnAuc: number | null; churnP10: number | null; clvSpearman: number | null; ordersSpearman: number | null }) =>
  log(`${name.padEnd(15)} ${String(f.churnAuc).padEnd(8)} ${String(f.churnP10).padEnd(8)} ${String(f.clvSpearman).padEnd(11)} ${f.ordersSpearman}`);
line('parley', ours);
line('recency', baselines.recency);
line('rfm', baselines.rfm);
line('bg/nbd only', baselines.bgnbd);
process.stdout.write(`${JSON.stringify({ ...ours, customers: rows.length, holdoutDays, baselines })}\n`);
