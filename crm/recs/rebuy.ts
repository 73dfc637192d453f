import type { OwnHistory } from './purchases.js';
import type { ScoreBuffer } from './top-k.js';

/**
 * Buy-again score of each product the customer bought: the share of their orders that contained it (an estimate
 * of P(in the next order)), ties broken by the last day bought. Products just returned are not in `items`.
 */
export function scoreRebuy(h: OwnHistory, into: ScoreBuffer, weight = 1): void {
  for (let i = 0; i < h.items.length; i++) {
    const recency = h.lastDay[i]! / 1e9;
    into.add(h.items[i]!, weight * (h.counts[i]! / Math.max(1, h.orders) + recency));
  }
}
