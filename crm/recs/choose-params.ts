import { leaveLastOrderOut } from './leave-last-out.js';
import { FigureMeans, rankingFigures } from './metrics.js';
import { EASE_MAX_ITEMS, fitRecModel, recommendFor, type RecParams } from './model.js';
import type { Basket } from './purchases.js';
import { ScoreBuffer } from './top-k.js';

/** Candidate values, each a factor apart; the data choose (no per-dataset constants). */
export const GRID = { lambda: [0.5, 2, 8], tau: [90, 180, 365, Infinity], beta: [0, 0.02, 0.05, 0.1, 0.2] } as const;
/** Validation customers at most (an even sample of the rest): bounds the cost on large bases. */
const MAX_VALIDATION = 5000;

export interface ParamChoice {
  params: RecParams;
  /** HR@10 on the inner hold-out for each tried value, for the eval's report. */
  tried: { lambda: number[]; tau: number[]; beta: number[] };
  validationCustomers: number;
}

/**
 * Internal validation on the training part only: each training customer's last purchase day is held out again,
 * the models are fitted on the rest, and each hyperparameter takes the value with the best HR@10 there:
 * lambda on the discovery list, then tau on buy-again alone (beta 0), then beta on the any-product list.
 */
export function chooseParams(trainBaskets: readonly Basket[][], products: number, maxEase = EASE_MAX_ITEMS): ParamChoice {
  const inner = leaveLastOrderOut({ products: [], productIndex: new Map(), customers: [], baskets: trainBaskets as Basket[][] });
  const step = Math.max(1, Math.ceil(inner.tests.length / MAX_VALIDATION));
  const tests = inner.tests.filter((_, i) => i % step === 0);
  const buf = new ScoreBuffer(products);
  const hr = (params: RecParams, onlyNew: boolean, model = fitRecModel(inner.own, products, params, maxEase)): number => {
    const f = new FigureMeans();
    for (const t of tests) {
      const targets = onlyNew ? t.newTargets : t.targets;
      if (!targets.size) continue;
      const list = recommendFor(model, inner.own[t.customer]!, 10, onlyNew, buf).map((s) => s.product);
      f.add(rankingFigures(list, targets, 10));
    }
    return f.means().hr;
  };
  const argmax = (xs: readonly number[], score: (x: number) => number, tried: number[]): number => {
    let best = xs[0]!;
    let top = -1;
    for (const x of xs) {
      const s = score(x);
      tried.push(s);
      if (s > top) (top = s), (best = x);
    }
    return best;
  };
  const tried: ParamChoice['tried'] = { lambda: [], tau: [], beta: [] };
  const params: RecParams = { lambda: GRID.lambda[1], tau: GRID.tau[1], beta: 0 };
  const models = new Map<number, ReturnType<typeof fitRecModel>>();
  params.lambda = argmax(GRID.lambda, (lambda) => {
    const m = fitRecModel(inner.own, products, { ...params, lambda }, maxEase);
    models.set(lambda, m);
    return hr(m.params, true, m);
  }, tried.lambda);
  const model = models.get(params.lambda)!;
  params.tau = argmax(GRID.tau, (tau) => hr({ ...params, tau }, false, { ...model, params: { ...params, tau } }), tried.tau);
  params.beta = argmax(GRID.beta, (beta) => hr({ ...params, beta }, false, { ...model, params: { ...params, beta } }), tried.beta);
  return { params, tried, validationCustomers: tests.length };
}
