import { z } from 'zod';
import { ParleyError, toIssues, type CustomerStore, type ErrorIssue, type KeyValueStore } from '../../core/index.js';
import { shardOf } from '../customers/shards.js';
import type { OrderAggregate } from '../segments/clv.js';
import { csvRecords } from './csv.js';
import { resolveCustomerId } from './resolve-customer.js';

export const ORDERS_NS = 'analytics.orders';
export const ORDER_SHARDS = 64;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface StoredOrders extends OrderAggregate {
  /** Order keys already counted (orderid, else date|amount): re-importing a file adds nothing. */
  keys: string[];
}
type OrderShard = Record<string, StoredOrders>;

export interface ImportReport {
  imported: number;
  duplicates: number;
  errors: { line: number; issues: ErrorIssue[] }[];
}

const orderRow = z
  .object({
    customerid: z.string().max(128).optional(),
    externalid: z.string().max(256).optional(),
    orderid: z.string().max(128).optional(),
    amount: z.coerce.number().finite().nonnegative(),
    date: z.string().refine((d) => !Number.isNaN(Date.parse(d)), 'Not a date'),
  })
  .refine((r) => Boolean(r.customerid || r.externalid), { message: 'customerId or externalId is required', path: ['customerid'] });

export const orderShardKey = (customerId: string): string => `o${String(shardOf(customerId, ORDER_SHARDS)).padStart(2, '0')}`;

export function checkImportSize(csvText: string): void {
  if (Buffer.byteLength(csvText) > MAX_IMPORT_BYTES) throw new ParleyError('ERR_IMPORT_TOO_LARGE', { limitBytes: MAX_IMPORT_BYTES });
}

/** Columns: customerId or externalId, amount, date, optional orderId. Valid rows are kept, bad rows reported by line. */
export async function importOrders(csvText: string, deps: { kv: KeyValueStore; customers: CustomerStore }): Promise<ImportReport> {
  checkImportSize(csvText);
  const report: ImportReport = { imported: 0, duplicates: 0, errors: [] };
  const shards = new Map<string, OrderShard>();
  for (const { line, record } of csvRecords(csvText)) {
    const blanksRemoved = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ''));
    const parsed = orderRow.safeParse(blanksRemoved);
    if (!parsed.success) {
      report.errors.push({ line, issues: toIssues(parsed.error) });
      continue;
    }
    const row = parsed.data;
    const id = await resolveCustomerId(deps.customers, { customerId: row.customerid, externalId: row.externalid });
    if (!id) {
      report.errors.push({ line, issues: [{ path: row.customerid ? 'customerid' : 'externalid', message: 'Unknown customer' }] });
      continue;
    }
    const key = orderShardKey(id);
    const shard = shards.get(key) ?? (await deps.kv.get<OrderShard>(ORDERS_NS, key)) ?? {};
    shards.set(key, shard);
    const at = Date.parse(row.date);
    const orderKey = row.orderid ?? `${new Date(at).toISOString()}|${row.amount}`;
    const agg = (shard[id] ??= { count: 0, total: 0, firstMs: at, lastMs: at, keys: [] });
    if (agg.keys.includes(orderKey)) {
      report.duplicates++;
      continue;
    }
    agg.keys.push(orderKey);
    agg.count += 1;
    agg.total = Math.round((agg.total + row.amount) * 100) / 100;
    agg.firstMs = Math.min(agg.firstMs, at);
    agg.lastMs = Math.max(agg.lastMs, at);
    report.imported++;
  }
  for (const [key, shard] of shards) await deps.kv.put(ORDERS_NS, key, shard);
  return report;
}

export async function loadAllOrders(kv: KeyValueStore): Promise<Map<string, StoredOrders>> {
  const all = new Map<string, StoredOrders>();
  for (const key of await kv.keys(ORDERS_NS)) {
    for (const [id, o] of Object.entries((await kv.get<OrderShard>(ORDERS_NS, key)) ?? {})) all.set(id, o);
  }
  return all;
}

export async function ordersOf(kv: KeyValueStore, customerId: string): Promise<StoredOrders | null> {
  return (await kv.get<OrderShard>(ORDERS_NS, orderShardKey(customerId)))?.[customerId] ?? null;
}

/** Drops order data of customers that no longer exist (erased). Returns how many were dropped. */
export async function pruneOrders(kv: KeyValueStore, exists: (id: string) => Promise<boolean>): Promise<number> {
  let dropped = 0;
  for (const key of await kv.keys(ORDERS_NS)) {
    const shard = (await kv.get<OrderShard>(ORDERS_NS, key)) ?? {};
    let changed = false;
    for (const id of Object.keys(shard)) {
      if (!(await exists(id))) (delete shard[id], (changed = true), dropped++);
    }
    if (changed) await kv.put(ORDERS_NS, key, shard);
  }
  return dropped;
}
