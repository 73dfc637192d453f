import type { Readable } from 'node:stream';
import type { CustomerStore, ImportLine, OrderStore } from '../../core/index.js';
import { businessCustomers } from '../customers/business-customers.js';
import { csvRows } from './csv-source.js';
import { ORDER_COLUMNS, parseOrderRow, REQUIRED_ORDER_COLUMNS, type OrderRow } from './order-rows.js';
import { acceptHeader, addBatchCounts, newReport, rowError, type ImportReport } from './report.js';

export interface ImportOptions {
  /** Source size in bytes, for progress (omit when unknown). */
  sizeBytes?: number;
  onProgress?: (fraction: number) => void;
  /** Our ids of the customers each stored batch touched (their recommendations are recomputed). */
  onCustomers?: (customerIds: string[]) => void;
  /** Rows per store transaction (default 10,000 for orders, 5000 for products). */
  batchSize?: number;
}

export interface OrderImportDeps {
  orders: OrderStore;
  customers: CustomerStore;
  now: () => Date;
}

/**
 * Streams an orders CSV (PROTOCOL.md: orderId,customerId,date,productId,quantity,amount) into the
 * OrderStore in batches of one transaction each. Imported history is completed sales: new orders
 * get status `delivered`. Bad rows are reported by line and skipped; re-importing a file changes nothing.
 */
export async function importOrdersCsv(source: Readable, deps: OrderImportDeps, opts: ImportOptions = {}): Promise<ImportReport> {
  const started = deps.now();
  const nowMs = started.getTime();
  const report = newReport('orders', started);
  const resolver = businessCustomers(deps.customers);
  const batchSize = opts.batchSize ?? 10_000;
  let batch: OrderRow[] = [];
  let index: Partial<Record<(typeof ORDER_COLUMNS)[number], number>> | null = null;
  let width = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const { ids, created } = await resolver.resolveMany(rows.map((r) => r.customerId));
    report.customersCreated += created;
    const lines: ImportLine[] = rows.map((r) => {
      const line: ImportLine = r as ImportLine;
      line.externalCustomerId = r.customerId;
      line.customerId = ids.get(r.customerId)!;
      return line;
    });
    const counts = await deps.orders.upsertLines(lines, { status: 'delivered' });
    addBatchCounts(report, counts);
    opts.onCustomers?.([...ids.values()]);
  };

  for await (const item of csvRows(source)) {
    if (item.error !== undefined) {
      rowError(report, item.line, item.error);
      continue;
    }
    const { line, cells, bytes } = item;
    if (index === null) {
      index = acceptHeader(report, line, cells, ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS);
      if (index === null) break;
      width = cells.length;
      continue;
    }
    report.rows++;
    if (cells.length !== width) {
      rowError(report, line, `has ${cells.length} cells, the header has ${width}`);
      continue;
    }
    const row = parseOrderRow(cells, index, nowMs);
    if (typeof row === 'string') {
      rowError(report, line, row);
      continue;
    }
    if (row.amount < 0) report.returns++;
    batch.push(row);
    if (batch.length >= batchSize) {
      await flush();
      if (opts.sizeBytes) opts.onProgress?.(bytes / opts.sizeBytes);
    }
  }
  await flush();
  opts.onProgress?.(1);
  if (index === null && report.errorCount === 0) rowError(report, 1, 'the file is empty (no header row)');
  report.durationMs = deps.now().getTime() - nowMs;
  return report;
}
