import { z } from 'zod';
import { ParleyError, toIssues, type CustomerStore, type ErrorIssue, type KeyValueStore } from '../../core/index.js';
import { churnLabelsSchema } from '../store/record-schemas.js';
import { typedRecord } from '../store/typed-record.js';
import { csvRecords } from './csv.js';
import { resolveCustomerId } from './resolve-customer.js';

export const LABELS_NS = 'analytics.labels';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportReport {
  imported: number;
  duplicates: number;
  errors: { line: number; issues: ErrorIssue[] }[];
}

function checkImportSize(csvText: string): void {
  if (Buffer.byteLength(csvText) > MAX_IMPORT_BYTES) throw new ParleyError('ERR_IMPORT_TOO_LARGE', { limitBytes: MAX_IMPORT_BYTES });
}
const KEY = 'churned';
const labelsRecord = (kv: KeyValueStore) => typedRecord(kv, LABELS_NS, KEY, churnLabelsSchema);

interface StoredLabels {
  ids: string[];
  updatedAt: string;
}

const labelRow = z
  .object({
    customerid: z.string().max(128).optional(),
    externalid: z.string().max(256).optional(),
    churned: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .optional()
      .transform((v) => v === undefined || v === 'true' || v === '1' || v === 'yes'),
  })
  .refine((r) => Boolean(r.customerid || r.externalid), { message: 'customerId or externalId is required', path: ['customerid'] });

/**
 * Columns: customerId or externalId, optional churned (default true; false removes a label).
 * Imported labels are merged into the stored set and, once present, replace the churn definition.
 */
export async function importChurnLabels(
  csvText: string,
  deps: { kv: KeyValueStore; customers: CustomerStore; now: () => Date },
): Promise<ImportReport> {
  checkImportSize(csvText);
  const report: ImportReport = { imported: 0, duplicates: 0, errors: [] };
  const ids = new Set((await labelsRecord(deps.kv).get())?.ids ?? []);
  for (const { line, record } of csvRecords(csvText)) {
    const parsed = labelRow.safeParse(Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '').map(([k, v]) => [k, k === 'churned' ? v.toLowerCase() : v])));
    if (!parsed.success) {
      report.errors.push({ line, issues: toIssues(parsed.error) });
      continue;
    }
    const id = await resolveCustomerId(deps.customers, { customerId: parsed.data.customerid, externalId: parsed.data.externalid });
    if (!id) {
      report.errors.push({ line, issues: [{ path: parsed.data.customerid ? 'customerid' : 'externalid', message: 'Unknown customer' }] });
      continue;
    }
    const had = ids.has(id);
    if (parsed.data.churned) ids.add(id);
    else ids.delete(id);
    if (had === parsed.data.churned) report.duplicates++;
    else report.imported++;
  }
  await deps.kv.put(LABELS_NS, KEY, { ids: [...ids], updatedAt: deps.now().toISOString() } satisfies StoredLabels);
  return report;
}

export async function loadChurnLabels(kv: KeyValueStore): Promise<Set<string>> {
  return new Set((await labelsRecord(kv).get())?.ids ?? []);
}

/** Drops one customer's label (erase); true when there was one. */
export async function forgetChurnLabel(kv: KeyValueStore, id: string, now: Date): Promise<boolean> {
  const ids = await loadChurnLabels(kv);
  if (!ids.delete(id)) return false;
  await kv.put(LABELS_NS, KEY, { ids: [...ids], updatedAt: now.toISOString() } satisfies StoredLabels);
  return true;
}

/** Drops labels of erased customers. */
export async function pruneChurnLabels(kv: KeyValueStore, exists: (id: string) => Promise<boolean>, now: Date): Promise<number> {
  const ids = await loadChurnLabels(kv);
  let dropped = 0;
  for (const id of ids) if (!(await exists(id))) (ids.delete(id), dropped++);
  if (dropped) await kv.put(LABELS_NS, KEY, { ids: [...ids], updatedAt: now.toISOString() } satisfies StoredLabels);
  return dropped;
}
