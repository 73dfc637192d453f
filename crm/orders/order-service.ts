import {
  idSchema,
  ParleyError,
  parseOrThrow,
  type CustomerStore,
  type Order,
  type OrderStore,
  type OrderUpsertBody,
  type Page,
  type PageRequest,
} from '../../core/index.js';
import { businessCustomers } from '../customers/business-customers.js';

const FUTURE_SLACK_MS = 86_400_000;

export function orderService(deps: { orders: OrderStore; customers: CustomerStore; now: () => Date }) {
  const resolver = businessCustomers(deps.customers);
  return {
    /**
     * Live upsert from the shop: the order is replaced by what is sent (lines not sent any more are
     * removed); `status` defaults to the stored one, else `placed`. Unknown customers are created.
     */
    async upsertOrder(orderId: string, body: OrderUpsertBody): Promise<{ order: Order; outcome: 'inserted' | 'updated' | 'unchanged'; customerCreated: boolean }> {
      parseOrThrow(idSchema, orderId);
      const issues = body.lines.flatMap((l, i) => (l.amount === 0 ? [{ path: `lines.${i}.amount`, message: 'is 0 (a line worth nothing is not a purchase; leave it out)' }] : []));
      if (Date.parse(body.date) > deps.now().getTime() + FUTURE_SLACK_MS) issues.push({ path: 'date', message: 'is in the future' });
      if (issues.length > 0) throw new ParleyError('ERR_VALIDATION', { issues });
      const [{ customer, created }, existing] = await Promise.all([resolver.findOrCreate(body.customerId), deps.orders.get(orderId)]);
      const result = await deps.orders.upsert({
        orderId,
        customerId: customer.id,
        externalCustomerId: body.customerId,
        date: body.date,
        status: body.status ?? existing?.status ?? 'placed',
        ...(body.trackingUrl !== undefined ? { trackingUrl: body.trackingUrl } : {}),
        lines: body.lines,
      });
      return { ...result, customerCreated: created };
    },
    /** A customer's orders, newest first: `customerId` is ours, or else the business's customer id. */
    async listOrders(customerId: string, page: PageRequest): Promise<Page<Order>> {
      let id = customerId;
      if (!(await deps.customers.get(customerId))) {
        const known = await resolver.findExisting(customerId);
        if (!known) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id: customerId });
        id = known.id;
      }
      return deps.orders.listByCustomer(id, page);
    },
  };
}
