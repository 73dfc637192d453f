import { drainPages, ParleyError, type CustomerRecords, type Stores } from '../../core/index.js';

/** Every place a customer's data lives, by name: export returns these parts and erase removes exactly them. */
export const CUSTOMER_DATA_PARTS = ['customer', 'conversations', 'interactions', 'orders', 'insights', 'recommendations', 'channelReferences', 'analytics'] as const;
export type CustomerDataPart = (typeof CUSTOMER_DATA_PARTS)[number];

export interface CustomerDataDeps {
  stores: Pick<Stores, 'customers' | 'conversations' | 'interactions' | 'orders' | 'insights' | 'recommendations' | 'kv'>;
  /** KV namespaces keyed by customer id that channels keep (e.g. Bot Framework conversation references). */
  channelNamespaces: string[];
  /** Analytics' per-customer records (crm may not import analytics: the composition hands them in). */
  analytics: CustomerRecords;
}

/**
 * The one owner of a customer's data across stores (GDPR export and erase). Routes call this instead of
 * each store, so a store added later is added here once and both export and erase see it.
 */
export function createCustomerData(deps: CustomerDataDeps) {
  const { stores } = deps;
  const require = async (id: string) => {
    const customer = await stores.customers.get(id);
    if (!customer) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id });
    return customer;
  };

  async function exportCustomer(id: string): Promise<Record<CustomerDataPart, unknown> & { exportedAt: string }> {
    const customer = await require(id);
    const convs = await drainPages((p) => stores.conversations.list({ ...p, customerId: id }));
    const conversations = await Promise.all(
      convs.map(async (c) => ({ ...c, messages: await drainPages((p) => stores.conversations.listMessages(c.id, p)), events: await stores.conversations.listEvents(c.id) })),
    );
    const channelReferences: Record<string, unknown> = {};
    for (const ns of deps.channelNamespaces) {
      const value = await stores.kv.get(ns, id);
      if (value !== null) channelReferences[ns] = value;
    }
    return {
      exportedAt: new Date().toISOString(),
      customer,
      conversations,
      interactions: await drainPages((p) => stores.interactions.list({ ...p, customerId: id })),
      orders: await drainPages((p) => stores.orders.listByCustomer(id, p)),
      insights: await stores.insights.get(id),
      recommendations: await stores.recommendations.get(id),
      channelReferences,
      analytics: await deps.analytics.recordsOf(id),
    };
  }

  /** Dependent data first: if a step fails the customer record still exists and the erase can be run again. */
  async function eraseCustomer(id: string): Promise<void> {
    await require(id);
    const steps: Record<Exclude<CustomerDataPart, 'customer'>, () => Promise<void>> = {
      // First: analytics finds the customer's conversation signatures through the conversations erased below.
      analytics: () => deps.analytics.forget(id),
      interactions: () => stores.interactions.eraseCustomer(id),
      orders: () => stores.orders.eraseCustomer(id),
      conversations: () => stores.conversations.eraseCustomer(id),
      insights: () => stores.insights.eraseCustomer(id),
      recommendations: () => stores.recommendations.eraseCustomer(id),
      channelReferences: async () => {
        for (const ns of deps.channelNamespaces) await stores.kv.delete(ns, id);
      },
    };
    for (const step of Object.values(steps)) await step();
    await stores.customers.erase(id);
  }

  return { exportCustomer, eraseCustomer };
}
export type CustomerData = ReturnType<typeof createCustomerData>;
