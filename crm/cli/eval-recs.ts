/**
 * eval:recs — leave-last-order-out evaluation of the product recommender (crm/recs, the code the analytics run
 * uses) beside popularity, item-kNN, re-buy and EASE: HR@10, NDCG@10, recall@10 for (a) any product and (b) only
 * products the customer never bought. A "order" is a purchase day (the CRM models' unit).
 *
 *   npm run eval:recs -- --orders ../shared/datasets/retail/orders.csv
 *
 * Progress on stderr; the last stdout line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { evaluateRecs, type VariantFigures } from '../recs/evaluate.js';
import { PurchasesBuilder } from '../recs/purchases.js';
import { readOrdersCsv } from './read-orders-csv.js';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '../shared/datasets/retail/orders.csv' } } });
const log = (s: string) => process.stderr.write(`${s}\n`);
const t0 = Date.now();
const builder = new PurchasesBuilder();
let bad = 0;
for await (const l of readOrdersCsv(values.orders!, () => bad++)) builder.add(l);
log(`read ${values.orders} in ${Date.now() - t0} ms (${bad} bad rows)`);
const r = evaluateRecs(builder.finish(), log);
log(`fit (internal validation included) ${r.fitMs} ms; item-kNN k = ${r.knnK}`);
log(`customers tested: (a) ${r.tested.any}, (b) ${r.tested.new}`);
log('                 (a) HR@10  NDCG@10 recall@10 | (b) HR@10  NDCG@10 recall@10');
const row = (name: string, f: VariantFigures) =>
  log(`${name.padEnd(16)} ${[f.any.hr, f.any.ndcg, f.any.recall].map((x) => x.toFixed(3).padEnd(7)).join('  ')} |     ${[f.new.hr, f.new.ndcg, f.new.recall].map((x) => x.toFixed(3).padEnd(7)).join('  ')}`);
row('parley', r.model);
row('popularity', r.baselines.popularity);
row('item-kNN', r.baselines.itemKnn);
row('re-buy', r.baselines.rebuy);
row('EASE', r.baselines.ease);
const beats = (v: 'any' | 'new') => Object.values(r.baselines).every((b) => r.model[v].hr > b[v].hr);
process.stdout.write(`${JSON.stringify({ ...r, beatsEveryBaseline: { any: beats('any'), new: beats('new') }, durationMs: Date.now() - t0 })}\n`);
