import { parentPort } from 'node:worker_threads';
import type { OrderLine } from '../models/input.js';
import { chooseParams } from './choose-params.js';
import { listsFor } from './lists.js';
import { fitRecModel } from './model.js';
import { ownHistory, PurchasesBuilder } from './purchases.js';
import { ScoreBuffer } from './top-k.js';
import { RECS_CHUNK, RECS_PULL_AHEAD, type RecsHostMessage, type RecsRow, type RecsWorkerMessage } from './worker-protocol.js';

// Fits the recommender and computes every customer's lists off the host's event loop (the host pulls lines
// from the store a couple of batches ahead and writes the rows it gets back).
const port = parentPort;
if (!port) throw new Error('recs-worker must run in a worker thread');
const post = (m: RecsWorkerMessage): void => port.postMessage(m);
const builder = new PurchasesBuilder();
let lines = 0;

function finish(): void {
  const purchases = builder.finish();
  const m = purchases.products.length;
  const t0 = Date.now();
  const choice = chooseParams(purchases.baskets, m);
  const own = purchases.baskets.map(ownHistory);
  const model = fitRecModel(own, m, choice.params);
  const fitMs = Date.now() - t0;
  const buf = new ScoreBuffer(m);
  let chunk: RecsRow[] = [];
  own.forEach((h, c) => {
    chunk.push({ customerId: purchases.customers[c]!, ...listsFor(model, purchases.products, h, buf) });
    if (chunk.length === RECS_CHUNK) post({ type: 'rows', json: JSON.stringify(chunk) }), (chunk = []);
  });
  if (chunk.length) post({ type: 'rows', json: JSON.stringify(chunk) });
  const stats = { customers: own.length, products: m, lines, params: choice.params, validationCustomers: choice.validationCustomers, fitMs, listsMs: Date.now() - t0 - fitMs };
  post({ type: 'done', fitted: { model, products: purchases.products }, stats });
}

port.on('message', (msg: RecsHostMessage) => {
  try {
    if (msg.type === 'start') for (let i = 0; i < RECS_PULL_AHEAD; i++) post({ type: 'pull' });
    else if (msg.type === 'lines') {
      for (const l of msg.batch) builder.add(l);
      lines += msg.batch.length;
      post({ type: 'pull' });
    } else finish();
  } catch (err) {
    post({ type: 'error', reason: err instanceof Error ? err.message : String(err) });
  }
});
