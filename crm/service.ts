import type { Readable } from 'node:stream';
import { systemClock, type Clock, type Customer, type Order, type PageRequest, type Stores } from '../core/index.js';
import { findByExternalId } from './customers/business-customers.js';
import { importOrdersCsv, type ImportOptions } from './imports/import-orders.js';
import { importProductsCsv } from './imports/import-products.js';
import { lastImports, saveLastImport } from './imports/last-import.js';
import type { ImportReport } from './imports/report.js';
import { aggregateOf, orderAggregates } from './orders/order-aggregates.js';
import { orderService } from './orders/order-service.js';

export interface CrmDeps {
  stores: Pick<Stores, 'orders' | 'customers' | 'kv'>;
  clock?: Clock;
  /** Orders changed (import or live upsert): models built on them are stale. */
  onOrdersChanged?: () => Promise<void>;
  /** These customers' orders changed: per-customer results (recommendations) are recomputed now. */
  onCustomersChanged?: (customerIds: string[]) => Promise<unknown>;
}

/** An import touching more customers than this leaves their recommendations to the next analytics run. */
export const INCREMENTAL_CUSTOMERS_MAX = 10_000;

/** The customer model's service: orders and products in, customers by the business's id. */
export function createCrm(deps: CrmDeps) {
  const { stores } = deps;
  const clock = deps.clock ?? systemClock;
  const now = () => clock.now();
  const orders = orderService({ orders: stores.orders, customers: stores.customers, now });
  const changed = async (n: number) => {
    if (n > 0 && deps.onOrdersChanged) await deps.onOrdersChanged();
  };
  const finish = async (report: ImportReport) => {
    await saveLastImport(stores.kv, report);
    // The catalogue does not change what anyone bought: only orders make the models stale.
    if (report.kind === 'orders') await changed(report.imported);
    return report;
  };

  /** Every order of one customer, newest first (GDPR export). */
  async function customerOrders(customerId: string): Promise<Order[]> {
    const all: Order[] = [];
    let cursor: string | null = null;
    do {
      const page = await stores.orders.listByCustomer(customerId, { cursor, limit: 200 });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return all;
  }

  return {
    /** Streams an orders CSV into the store (see crm/README.md for the rules) and keeps the report as the last import. */
    async importOrders(source: Readable, opts: ImportOptions = {}) {
      const touched = new Set<string>();
      const onCustomers = (ids: string[]) => {
        opts.onCustomers?.(ids);
        if (touched.size <= INCREMENTAL_CUSTOMERS_MAX) for (const id of ids) touched.add(id);
      };
      const report = await finish(await importOrdersCsv(source, { orders: stores.orders, customers: stores.customers, now }, { ...opts, onCustomers }));
      if (report.imported > 0 && touched.size <= INCREMENTAL_CUSTOMERS_MAX) await deps.onCustomersChanged?.([...touched]);
      return report;
    },
    importProducts: async (source: Readable, opts?: ImportOptions) =>
      finish(await importProductsCsv(source, { orders: stores.orders, now }, opts)),
    lastImports: () => lastImports(stores.kv),
    async upsertOrder(orderId: string, body: Parameters<typeof orders.upsertOrder>[1]) {
      const result = await orders.upsertOrder(orderId, body);
      await changed(result.outcome === 'unchanged' ? 0 : 1);
      if (result.outcome !== 'unchanged') await deps.onCustomersChanged?.([result.order.customerId]);
      return result;
    },
    listOrders: (customerId: string, page: PageRequest = {}) => orders.listOrders(customerId, page),
    findCustomers: (externalId: string): Promise<Customer[]> => findByExternalId(stores.customers, externalId),
    customerOrders,
    /** Per-customer { count, total, firstMs, lastMs } from every standing order line before `before`. */
    orderAggregates: (before?: string) => orderAggregates(stores.orders, before),
    async customerAggregate(customerId: string) {
      return aggregateOf(await customerOrders(customerId));
    },
  };
}
export type CrmService = ReturnType<typeof createCrm>;
