import { drainPages, Lru, newId, type Clock, type Order, type ProductRecommendation, type RecommendationQuery, type Recommendations, type Stores, type StoredRecommendation } from '../core/index.js';
import type { CrmLogger } from './models-service.js';
import { listsFor } from './recs/lists.js';
import { basketsFromOrders, ownHistory } from './recs/purchases.js';
import { runRecsInWorker } from './recs/run-recs.js';
import type { FittedRecs, RecsRunStats } from './recs/worker-protocol.js';

export interface RecommenderDeps {
  stores: Pick<Stores, 'orders' | 'recommendations'>;
  clock: Clock;
  logger?: CrmLogger;
}

export interface RecommenderService extends Recommendations {
  /** Fits on every standing order line before `asOf` (worker thread) and rewrites every customer's lists. */
  run(asOf: Date): Promise<RecsRunStats>;
  /** Recomputes these customers' lists from their current orders with the latest run's model; returns how many. */
  refresh(customerIds: Iterable<string>): Promise<number>;
}

/** Orders read for "just returned" at serve time: a return is recent by definition. */
const RECENT_ORDERS = 5;

/**
 * Product recommendations (issue 17): computed in the analytics run for every customer and stored, recomputed for
 * a customer whose orders change, served by one read. The fitted model stays in memory for those updates (the
 * server runs the analytics 10 s after boot); until then a changed customer keeps their stored lists.
 */
export function createRecommender(deps: RecommenderDeps): RecommenderService {
  const { stores, clock, logger } = deps;
  let fitted: (FittedRecs & { runId: string; index: Map<string, number> }) | null = null;
  const names = new Lru<string, string | null>(10_000);

  const nameOf = async (productId: string): Promise<string | undefined> => {
    let name = names.get(productId);
    if (name === undefined) names.set(productId, (name = (await stores.orders.getProduct(productId))?.name ?? null));
    return name ?? undefined;
  };
  const recentReturns = (orders: Order[]): Set<string> =>
    new Set(orders.flatMap((o) => o.lines.filter((l) => l.productId && (l.amount < 0 || o.status === 'returned')).map((l) => l.productId!)));

  async function render(item: StoredRecommendation): Promise<ProductRecommendation> {
    const name = await nameOf(item.productId);
    const because = item.because ? ((await nameOf(item.because)) ?? item.because) : undefined;
    const reason = item.reason === 'bought-before' ? 'you bought it before' : item.reason === 'bought-together' && because ? `bought together with ${because}` : 'popular with other customers';
    return { productId: item.productId, ...(name ? { name } : {}), score: item.score, reason };
  }

  return {
    async forCustomer(customerId: string, query: RecommendationQuery = {}) {
      const limit = Math.min(50, Math.max(1, query.limit ?? 10));
      const [row, recent] = await Promise.all([stores.recommendations.get(customerId), stores.orders.listByCustomer(customerId, { limit: RECENT_ORDERS })]);
      const returned = recentReturns(recent.items);
      let items: StoredRecommendation[] = row ? (query.onlyNew ? row.fresh : row.any) : [];
      // A customer the last run did not know (no purchase yet): what most customers buy.
      if (!row && fitted) items = fitted.model.popular.slice(0, 50).map((p, i) => ({ productId: fitted!.products[p]!, score: 1 / (i + 1), reason: 'popular' as const }));
      return Promise.all(items.filter((i) => !returned.has(i.productId)).slice(0, limit).map(render));
    },

    async run(asOf) {
      const runId = newId();
      const started = Date.now();
      const { fitted: f, stats } = await runRecsInWorker(stores.orders.scanLines({ before: asOf.toISOString() }), {
        rows: (rows) => stores.recommendations.put(rows.map((r) => ({ ...r, runId, computedAt: asOf.toISOString() }))),
      });
      const removed = await stores.recommendations.retainRun(runId);
      fitted = { ...f, runId, index: new Map(f.products.map((p, i) => [p, i])) };
      logger?.info({ recommendations: { ...stats, removed, durationMs: Date.now() - started } }, 'recommendations computed');
      return stats;
    },

    async refresh(customerIds) {
      if (!fitted) return 0;
      const f = fitted;
      let n = 0;
      for (const id of new Set(customerIds)) {
        // Oldest first, so a return follows the purchase it undoes.
        const orders = (await drainPages((p) => stores.orders.listByCustomer(id, p))).reverse();
        const h = ownHistory(basketsFromOrders(orders, f.index));
        await stores.recommendations.put([{ customerId: id, runId: f.runId, computedAt: clock.now().toISOString(), ...listsFor(f.model, f.products, h) }]);
        n++;
      }
      return n;
    },
  };
}
