import { orderOwners, recentOrders } from '../customer/customer-view.js';
import { actionText } from './action-text.js';
import type { ActionRequest, ActionResult, BuiltinDeps } from './action-result.js';

/** How many of the customer's latest orders count as "just" for returns. */
const RECENT_ORDERS = 10;

/**
 * Built-in `recommend_products`: product names from the Recommendations port. Anything the customer returned in
 * a recent order (a `returned` order, or a refund line) is left out here too, whatever the model says.
 * Without the port (not wired) the intent's fallback reply is given.
 */
export async function recommendProducts(deps: BuiltinDeps, req: ActionRequest): Promise<ActionResult> {
  if (!deps.recommendations) return { kind: 'failed', reason: 'error' };
  const t = actionText(req.language);
  const customer = req.customerId ? await deps.stores.customers.get(req.customerId) : null;
  const owners = await orderOwners(deps.stores, customer);
  // Orders of a webhook user live under the shop's customer (customer-view.ts): recommend for that one.
  const subject = owners[owners.length - 1] ?? req.customerId;
  if (!subject) return { kind: 'answer', text: t.noRecommendations };
  const [recs, orders] = await Promise.all([deps.recommendations.forCustomer(subject, { limit: 10 }), recentOrders(deps.stores, owners, RECENT_ORDERS)]);
  const returned = new Set(
    orders.slice(0, RECENT_ORDERS).flatMap((o) => o.lines.filter((l) => l.productId && (o.status === 'returned' || l.amount < 0)).map((l) => l.productId!)),
  );
  const names = [...new Set(recs.filter((r) => !returned.has(r.productId) && r.name).map((r) => r.name!))].slice(0, 3);
  return { kind: 'answer', text: names.length > 0 ? t.recommend(names) : t.noRecommendations };
}
