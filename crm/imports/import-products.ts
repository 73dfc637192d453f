import type { Readable } from 'node:stream';
import { z } from 'zod';
import { productIdSchema, type OrderStore, type Product } from '../../core/index.js';
import { csvRows } from './csv-source.js';
import type { ImportOptions } from './import-orders.js';
import { decimal } from './order-rows.js';
import { acceptHeader, addBatchCounts, newReport, rowError, type ImportReport } from './report.js';

const PRODUCT_COLUMNS = ['productId', 'name', 'category', 'price'] as const;
type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

const productRowSchema = z.object({
  productId: productIdSchema,
  name: z.string().max(500),
  category: z.string().max(200).optional(),
  price: decimal.pipe(z.number().nonnegative('must not be negative')).optional(),
});

function parseProductRow(cells: string[], index: Partial<Record<ProductColumn, number>>): Product | string {
  const raw: Record<string, string> = {};
  for (const col of PRODUCT_COLUMNS) {
    const i = index[col];
    const v = i === undefined ? undefined : cells[i];
    if (v !== undefined && v !== '') raw[col] = v;
  }
  const parsed = productRowSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  return `${field}: ${raw[field] === undefined ? 'is required' : issue?.message}`;
}

/** Streams a products CSV (productId,name,category,price) into the catalogue; upserts by productId. */
export async function importProductsCsv(source: Readable, deps: { orders: OrderStore; now: () => Date }, opts: ImportOptions = {}): Promise<ImportReport> {
  const started = deps.now();
  const report = newReport('products', started);
  const batchSize = opts.batchSize ?? 5000;
  let batch = new Map<string, Product>();
  let index: Partial<Record<ProductColumn, number>> | null = null;
  let width = 0;
  const flush = async () => {
    if (batch.size === 0) return;
    const counts = await deps.orders.upsertProducts([...batch.values()]);
    batch = new Map();
    addBatchCounts(report, counts);
  };
  for await (const item of csvRows(source)) {
    if (item.error !== undefined) {
      rowError(report, item.line, item.error);
      continue;
    }
    const { line, cells, bytes } = item;
    if (index === null) {
      index = acceptHeader(report, line, cells, PRODUCT_COLUMNS, ['productId', 'name']);
      if (index === null) break;
      width = cells.length;
      continue;
    }
    report.rows++;
    if (cells.length !== width) {
      rowError(report, line, `has ${cells.length} cells, the header has ${width}`);
      continue;
    }
    const product = parseProductRow(cells, index);
    if (typeof product === 'string') {
      rowError(report, line, product);
      continue;
    }
    // A product id repeated within one batch: the later row wins, as it would across batches.
    batch.delete(product.productId);
    batch.set(product.productId, product);
    if (batch.size >= batchSize) {
      await flush();
      if (opts.sizeBytes) opts.onProgress?.(bytes / opts.sizeBytes);
    }
  }
  await flush();
  opts.onProgress?.(1);
  if (index === null && report.errorCount === 0) rowError(report, 1, 'the file is empty (no header row)');
  report.durationMs = deps.now().getTime() - started.getTime();
  return report;
}
