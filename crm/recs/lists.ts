import { STORED_RECOMMENDATIONS, type StoredRecommendation } from '../../core/schemas/recommendations.js';
import { recommendFor, type RecModel } from './model.js';
import type { OwnHistory } from './purchases.js';
import type { ScoreBuffer } from './top-k.js';

/** A customer's two stored lists (any product; never bought) with product ids instead of indices. */
export function listsFor(model: RecModel, products: readonly string[], h: OwnHistory, buf?: ScoreBuffer): { any: StoredRecommendation[]; fresh: StoredRecommendation[] } {
  const toStored = (onlyNew: boolean): StoredRecommendation[] =>
    recommendFor(model, h, STORED_RECOMMENDATIONS, onlyNew, buf).map((s) => ({
      productId: products[s.product]!,
      // Six significant digits: enough to order a list, and the rows stay small.
      score: Number(s.score.toPrecision(6)),
      reason: s.reason,
      ...(s.because !== undefined ? { because: products[s.because]! } : {}),
    }));
  return { any: toStored(false), fresh: toStored(true) };
}
