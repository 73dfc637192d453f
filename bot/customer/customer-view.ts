import { BUSINESS_ID_PREFIX, businessExternalId, type Customer, type Order, type Stores } from '../../core/index.js';

const WEBHOOK_PREFIX = 'webhook:';

/** Who the customer is to the business: signed in (widget identity) or a webhook user; null for anonymous visitors. */
export function shopUserId(customer: Pick<Customer, 'externalId'> | null): string | null {
  const ext = customer?.externalId ?? null;
  if (ext?.startsWith(BUSINESS_ID_PREFIX)) return ext.slice(BUSINESS_ID_PREFIX.length);
  if (ext?.startsWith(WEBHOOK_PREFIX)) return ext.slice(WEBHOOK_PREFIX.length);
  return null;
}

/**
 * The customer records whose orders are this customer's. A widget identity is the shop's customer id itself
 * (the business id rule), so its orders are its own. A webhook user is its own channel-scoped customer, but the
 * integration that sends its messages holds the API key that also writes the shop's orders: its `userId` is the
 * shop's customer id, so the orders of `identity:<userId>` are theirs too. Anonymous visitors own no orders.
 */
export async function orderOwners(stores: Pick<Stores, 'customers'>, customer: Customer | null): Promise<string[]> {
  if (!customer) return [];
  const ext = customer.externalId ?? '';
  if (ext.startsWith(BUSINESS_ID_PREFIX)) return [customer.id];
  if (ext.startsWith(WEBHOOK_PREFIX)) {
    const shop = await stores.customers.findByExternalId(businessExternalId(ext.slice(WEBHOOK_PREFIX.length)));
    return shop && shop.id !== customer.id ? [customer.id, shop.id] : [customer.id];
  }
  return [];
}

/** The owners' latest orders, newest first (at most `limit` of each owner). */
export async function recentOrders(stores: Pick<Stores, 'orders'>, owners: string[], limit = 50): Promise<Order[]> {
  const pages = await Promise.all(owners.map((id) => stores.orders.listByCustomer(id, { limit })));
  return pages.flatMap((p) => p.items).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
