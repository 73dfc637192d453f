import { chooseParams, type ParamChoice } from './choose-params.js';
import { itemNeighbours, scoreKnn } from './item-knn.js';
import { itemUsers } from './item-users.js';
import { leaveLastOrderOut, type Split } from './leave-last-out.js';
import { FigureMeans, rankingFigures } from './metrics.js';
import { fitEase } from './ease.js';
import { EASE_MAX_ITEMS, fitRecModel, recommendFor } from './model.js';
import type { OwnHistory, Purchases } from './purchases.js';
import { ScoreBuffer, topK } from './top-k.js';

export interface Figures {
  hr: number;
  ndcg: number;
  recall: number;
}
export interface VariantFigures {
  any: Figures;
  new: Figures;
}
export interface RecsEvaluation {
  customers: number;
  tested: { any: number; new: number };
  model: VariantFigures;
  baselines: { popularity: VariantFigures; itemKnn: VariantFigures; rebuy: VariantFigures; ease: VariantFigures };
  choice: ParamChoice;
  knnK: number;
  fitMs: number;
}

type Fill = (h: OwnHistory, buf: ScoreBuffer) => void;
const K = 10;

/** Leave-last-order-out HR/NDCG/recall@10 of the product model and the baselines, (a) any and (b) new products. */
export function evaluateRecs(purchases: Purchases, log: (s: string) => void = () => undefined): RecsEvaluation {
  const m = purchases.products.length;
  const split = leaveLastOrderOut(purchases);
  log(`${purchases.customers.length} customers, ${m} products; ${split.tests.length} with a held-out purchase day`);
  const t0 = Date.now();
  const choice = chooseParams(split.trainBaskets, m);
  log(`internal validation (${choice.validationCustomers} customers): ${JSON.stringify(choice.params)}; HR@10 tried ${JSON.stringify(choice.tried)}`);
  const model = fitRecModel(split.own, m, choice.params);
  const fitMs = Date.now() - t0;
  const buf = new ScoreBuffer(m);
  const evalList = (list: (h: OwnHistory, onlyNew: boolean) => number[], sample = split.tests): VariantFigures & { n: [number, number] } => {
    const a = new FigureMeans();
    const b = new FigureMeans();
    for (const t of sample) {
      const h = split.own[t.customer]!;
      a.add(rankingFigures(list(h, false), t.targets, K));
      if (t.newTargets.size) b.add(rankingFigures(list(h, true), t.newTargets, K));
    }
    return { any: a.means(), new: b.means(), n: [a.n, b.n] };
  };
  const ranked = (fill: Fill) => (h: OwnHistory, onlyNew: boolean): number[] => {
    fill(h, buf);
    const own = new Set(h.items);
    const skip = (p: number) => h.returned.has(p) || (onlyNew && own.has(p));
    const list = topK(buf.touched, buf.score, K, skip);
    buf.reset();
    for (const p of model.popular) if (list.length < K && !skip(p) && !list.includes(p)) list.push(p);
    return list;
  };
  const ours = evalList((h, onlyNew) => recommendFor(model, h, K, onlyNew, buf).map((s) => s.product));
  const knn = knnBaseline(split, m, ranked, evalList);
  // EASE as published: every weight of the 1,000 most bought products, the chosen lambda, no recency.
  const denseEase = fitEase(split.train, itemUsers(split.train, m), EASE_MAX_ITEMS, choice.params.lambda, Infinity);
  const baselines = {
    popularity: evalList(ranked(() => undefined)),
    itemKnn: knn.figures,
    // Buy again: the customer's products by purchase days, then by the last day (popular products after them).
    rebuy: evalList(ranked((h, into) => h.items.forEach((p, i) => into.add(p, h.counts[i]! + h.lastDay[i]! / 1e9)))),
    ease: evalList(ranked((h, into) => scoreKnn(denseEase, h.items, into, Infinity))),
  };
  const strip = ({ any, new: fresh }: VariantFigures) => ({ any, new: fresh });
  return {
    customers: purchases.customers.length,
    tested: { any: ours.n[0], new: ours.n[1] },
    model: strip(ours),
    baselines: { popularity: strip(baselines.popularity), itemKnn: strip(baselines.itemKnn), rebuy: strip(baselines.rebuy), ease: strip(baselines.ease) },
    choice,
    knnK: knn.k,
    fitMs,
  };
}


/** Item-kNN with its neighbourhood size chosen on the inner hold-out (discovery HR@10), then refitted on all training. */
function knnBaseline(
  split: Split,
  m: number,
  ranked: (fill: Fill) => (h: OwnHistory, onlyNew: boolean) => number[],
  evalList: (list: (h: OwnHistory, onlyNew: boolean) => number[], sample?: Split['tests']) => VariantFigures,
): { k: number; figures: VariantFigures } {
  const inner = leaveLastOrderOut({ products: [], productIndex: new Map(), customers: [], baskets: split.trainBaskets });
  const innerNb = itemNeighbours(inner.train, itemUsers(inner.train, m), 200);
  let k = 20;
  let top = -1;
  for (const cand of [20, 50, 100, 200]) {
    const f = evalInner(inner, (h, onlyNew) => ranked((hh, into) => scoreKnn(innerNb, hh.items, into, cand))(h, onlyNew));
    if (f > top) (top = f), (k = cand);
  }
  const nb = itemNeighbours(split.train, itemUsers(split.train, m), k);
  return { k, figures: evalList(ranked((h, into) => scoreKnn(nb, h.items, into))) };
}

function evalInner(inner: Split, list: (h: OwnHistory, onlyNew: boolean) => number[]): number {
  const f = new FigureMeans();
  for (const t of inner.tests) if (t.newTargets.size) f.add(rankingFigures(list(inner.own[t.customer]!, true), t.newTargets, K));
  return f.means().hr;
}

export { EASE_MAX_ITEMS };
