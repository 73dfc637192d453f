import { businessCustomerId, type CrmInsightStore, type CustomerInsights, type CustomerStore } from '../core/index.js';
import { csvCell } from './imports/csv.js';

export const CUSTOMERS_CSV_HEADER = [
  'externalId',
  'customerId',
  'asOf',
  'orders',
  'revenue',
  'rfmScore',
  'segment',
  'churnRisk',
  'pAlive',
  'expectedOrders',
  'expectedRevenue',
] as const;

const num = (v: number | null | undefined, digits: number): string | number =>
  v === null || v === undefined ? '' : Math.round(v * 10 ** digits) / 10 ** digits;

/** `externalId` is the business's own customer id (the one orders and the widget identity use). */
function row(i: CustomerInsights, externalId: string | null): string {
  return [
    externalId ?? '',
    i.customerId,
    i.asOf,
    i.orders,
    num(i.revenue, 2),
    i.rfm?.score ?? '',
    i.segment?.label ?? '',
    num(i.churn?.risk, 4),
    num(i.clv?.pAlive, 4),
    num(i.clv?.expectedOrders, 3),
    num(i.clv?.expectedRevenue, 2),
  ]
    .map(csvCell)
    .join(',');
}

/**
 * One row per customer of the current CRM run, for BI tools (PROTOCOL "CRM data and insights").
 * Streams page by page; cells are guarded against spreadsheet formula injection.
 */
export async function* customersCsv(stores: { insights: CrmInsightStore; customers: CustomerStore }): AsyncIterable<string> {
  yield `${CUSTOMERS_CSV_HEADER.join(',')}\n`;
  let cursor: string | null = null;
  do {
    const page = await stores.insights.list({ limit: 200, cursor });
    const lines = await Promise.all(page.items.map(async (i) => row(i, businessCustomerId((await stores.customers.get(i.customerId))?.externalId ?? null))));
    if (lines.length) yield `${lines.join('\n')}\n`;
    cursor = page.nextCursor;
  } while (cursor);
}
