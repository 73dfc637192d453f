import { ownHistory, type Basket, type OwnHistory, type Purchases } from './purchases.js';

/**
 * Leave-last-order-out: each customer with at least two orders that bought something loses their last such order
 * (the target); everything else (every other customer's whole history included) is training data.
 */
export interface Split {
  own: OwnHistory[];
  /** Training products per customer (distinct, returns excluded): the models' input. */
  train: Int32Array[];
  tests: { customer: number; targets: Set<number>; newTargets: Set<number> }[];
  /** Every customer's baskets without their held-out one (for internal validation on the training part). */
  trainBaskets: Basket[][];
}

export function leaveLastOrderOut(purchases: Purchases): Split {
  const own: OwnHistory[] = [];
  const tests: Split['tests'] = [];
  const trainBaskets: Basket[][] = [];
  purchases.baskets.forEach((baskets, customer) => {
    let last = -1;
    let buying = 0;
    baskets.forEach((b, i) => {
      if (b.bought.length) (last = i), buying++;
    });
    if (buying < 2) return void (own.push(ownHistory(baskets)), trainBaskets.push(baskets));
    const kept = baskets.filter((_, i) => i !== last);
    trainBaskets.push(kept);
    const h = ownHistory(kept);
    own.push(h);
    const had = new Set(h.items);
    const targets = new Set(baskets[last]!.bought);
    tests.push({ customer, targets, newTargets: new Set([...targets].filter((p) => !had.has(p))) });
  });
  return { own, train: own.map((h) => h.items), tests, trainBaskets };
}
