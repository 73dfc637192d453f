import type { Language, Stores } from '../../core/index.js';
import { actionText } from '../actions/action-text.js';
import { profileText, type ProfileValues } from '../policy/template.js';
import { orderOwners, recentOrders } from './customer-view.js';

/**
 * The profile fields reply templates may use, in words for the customer's language:
 * `customer.name`, `customer.firstName`, `customer.segment`, `order.id`, `order.status`, `order.date`,
 * `order.trackingUrl`, `order.total` (the latest order). Absent values are simply not there: the template's
 * default or neutral text takes their place. Read only for templates that name a profile field.
 */
export async function loadProfile(stores: Pick<Stores, 'customers' | 'orders' | 'insights'>, customerId: string, language: Language): Promise<ProfileValues> {
  const customer = await stores.customers.get(customerId);
  if (!customer) return {};
  const [orders, insights] = await Promise.all([
    orderOwners(stores, customer).then((owners) => recentOrders(stores, owners, 1)),
    stores.insights.get(customerId).catch(() => null),
  ]);
  const latest = orders[0];
  const out: Record<string, string | undefined> = {
    'customer.name': profileText(customer.name),
    'customer.firstName': profileText(customer.name?.split(/\s+/)[0]),
    'customer.segment': profileText(insights?.segment?.label),
    'order.id': profileText(latest?.orderId),
    'order.status': latest ? actionText(language).status[latest.status] : undefined,
    'order.date': latest?.date.slice(0, 10),
    'order.trackingUrl': profileText(latest?.trackingUrl),
    'order.total': latest ? latest.total.toFixed(2) : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => e[1] !== undefined));
}
