import { fitEase, type EaseModel } from './ease.js';
import { buyerCounts, itemUsers } from './item-users.js';
import type { OwnHistory } from './purchases.js';
import { ScoreBuffer, topK } from './top-k.js';

/** Hyperparameters, chosen by internal validation on the training part (choose-params.ts). */
export interface RecParams {
  /** EASE ridge, relative to the mean buyers per product. */
  lambda: number;
  /** Days: the weight of a past purchase decays as exp(-age / tau) (Infinity = no decay). */
  tau: number;
  /** Weight of "bought together" against "buy again" in the any-product list. */
  beta: number;
}

/** EASE is a dense inverse: the most bought products only (1,000 measured as good as 2,000 on retail, crm/README). */
export const EASE_MAX_ITEMS = 1000;

export interface RecModel {
  params: RecParams;
  products: number;
  ease: EaseModel;
  /** Per product: the share of its buyers who bought it on two or more days (Laplace-smoothed). */
  repeat: Float64Array;
  /** Products by buyers, most first (covers customers without history and fills short lists). */
  popular: number[];
}

export type RecReason = 'bought-before' | 'bought-together' | 'popular';
export interface Scored {
  product: number;
  score: number;
  reason: RecReason;
  /** For bought-together: the customer's product that contributes most. */
  because?: number;
}

export function fitRecModel(train: readonly OwnHistory[], products: number, params: RecParams, maxEase = EASE_MAX_ITEMS): RecModel {
  const baskets = train.map((h) => h.items);
  const iu = itemUsers(baskets, products);
  const buyers = buyerCounts(iu);
  const repeat = new Float64Array(products);
  for (const h of train) for (let i = 0; i < h.items.length; i++) if (h.counts[i]! >= 2) repeat[h.items[i]!]!++;
  for (let p = 0; p < products; p++) repeat[p] = (repeat[p]! + 1) / (buyers[p]! + 2);
  const popular = topK(Array.from({ length: products }, (_, p) => p), buyers, 100);
  return { params, products, ease: fitEase(baskets, iu, maxEase, params.lambda), repeat, popular };
}

const weightOf = (h: OwnHistory, i: number, tau: number): number => Math.exp(-(h.lastBasketDay - h.lastDay[i]!) / tau);

/**
 * Best `k` for one customer. Any-product list: buy-again score (share of the customer's purchase days with the
 * product x the product's repeat rate x recency decay) plus beta x EASE; discovery list (`onlyNew`): EASE over
 * the customer's products weighted by recency, never a product they bought. Short lists are filled by popularity.
 * Products just returned never appear.
 */
export function recommendFor(model: RecModel, h: OwnHistory, k: number, onlyNew: boolean, buf = new ScoreBuffer(model.products)): Scored[] {
  const { ease, params } = model;
  const own = new Set(h.items);
  const weights = Float64Array.from(h.items, (_, i) => weightOf(h, i, params.tau));
  const easeWeight = onlyNew ? 1 : params.beta;
  if (easeWeight > 0) {
    for (let i = 0; i < h.items.length; i++) {
      const p = h.items[i]!;
      const w = easeWeight * weights[i]!;
      for (let x = ease.start[p]!; x < ease.start[p + 1]!; x++) buf.add(ease.idx[x]!, w * ease.sim[x]!, p);
    }
  }
  if (!onlyNew) for (let i = 0; i < h.items.length; i++) buf.add(h.items[i]!, (h.counts[i]! / Math.max(1, h.orders)) * model.repeat[h.items[i]!]! * weights[i]!);
  const skip = (p: number): boolean => h.returned.has(p) || (onlyNew && own.has(p));
  const best = topK(buf.touched, buf.score, k, skip);
  const out: Scored[] = best.map((p) => ({ product: p, score: buf.score[p]!, ...explain(buf, p, own) }));
  buf.reset();
  const minScore = out.length ? out[out.length - 1]!.score : 1;
  for (const p of model.popular) {
    if (out.length >= k) break;
    // Popular fill ranks below every scored product, in popularity order.
    if (!skip(p) && !best.includes(p)) out.push({ product: p, score: minScore * (1 - (out.length + 1) / (k + 2)), reason: 'popular' });
  }
  return out;
}

function explain(buf: ScoreBuffer, p: number, own: Set<number>): Omit<Scored, 'product' | 'score'> {
  if (own.has(p)) return { reason: 'bought-before' };
  const because = buf.topFrom[p]!;
  return because >= 0 ? { reason: 'bought-together', because } : { reason: 'popular' };
}
