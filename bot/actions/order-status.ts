import type { Order } from '../../core/index.js';
import { orderOwners, recentOrders } from '../customer/customer-view.js';
import { actionText } from './action-text.js';
import { valueOf, type ActionRequest, type ActionResult, type BuiltinDeps } from './action-result.js';

/** Orders still on their way: with several of these and no id given, the customer is asked which. */
const OPEN: readonly Order['status'][] = ['placed', 'paid', 'shipped'];
/** The shape of an order id we look up at all; anything else (operators, SQL, paths) is "not found" unread. */
const ORDER_ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u;

/**
 * Built-in `order_status`: the order the customer named, else their only open order, else their latest; with
 * several open orders and no id, which one. Only the customer's own orders are ever read back to them: an id of
 * someone else's order gets the same "not found" as an id that does not exist, so replies reveal nothing.
 */
export async function orderStatus(deps: BuiltinDeps, req: ActionRequest): Promise<ActionResult> {
  const t = actionText(req.language);
  const customer = req.customerId ? await deps.stores.customers.get(req.customerId) : null;
  const owners = await orderOwners(deps.stores, customer);
  if (owners.length === 0) return { kind: 'answer', text: t.signIn, suggestions: [t.human] };
  const say = (o: Order): ActionResult => ({ kind: 'answer', text: t.order(o, t.status[o.status]) });
  const orders = await recentOrders(deps.stores, owners, 50);

  const asked = valueOf(req, 'order_id');
  if (asked !== null) {
    const id = asked.trim().replace(/^#/, '');
    if (!ORDER_ID.test(id)) return { kind: 'answer', text: t.notFound(id.slice(0, 64)) };
    const found = orders.find((o) => o.orderId.toLowerCase() === id.toLowerCase()) ?? (await ownedOrder(deps, owners, id));
    return found ? say(found) : { kind: 'answer', text: t.notFound(id) };
  }
  if (orders.length === 0) return { kind: 'answer', text: t.noOrders };
  const open = orders.filter((o) => OPEN.includes(o.status));
  if (open.length > 1) return { kind: 'ask', slot: 'order_id', text: t.which, suggestions: open.slice(0, 5).map((o) => t.orderChoice(o, t.status[o.status])) };
  return say(open[0] ?? orders[0]!);
}

/** An order older than the recent page, read by id, kept only when it belongs to one of the owners. */
async function ownedOrder(deps: BuiltinDeps, owners: string[], id: string): Promise<Order | null> {
  for (const candidate of new Set([id, id.toUpperCase()])) {
    const order = await deps.stores.orders.get(candidate);
    if (order && owners.includes(order.customerId)) return order;
  }
  return null;
}
