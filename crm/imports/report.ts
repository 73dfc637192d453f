import { z } from 'zod';
import type { UpsertCounts } from '../../core/index.js';

/** Row errors listed in a report; the rest are only counted (`errorCount`). */
export const MAX_LISTED_ERRORS = 100;

export const importReportSchema = z.object({
  kind: z.enum(['orders', 'products']),
  /** Data rows read (header and blank lines excluded). */
  rows: z.number().int().nonnegative(),
  /** Records written because they were new or changed. */
  imported: z.number().int().nonnegative(),
  /** Of `imported`: records that replaced a different stored version (a corrected export). */
  updated: z.number().int().nonnegative(),
  /** Rows identical to what was stored: nothing changed (a re-imported file is all duplicates). */
  duplicates: z.number().int().nonnegative(),
  /** Order lines with a negative amount, kept as return/refund lines. */
  returns: z.number().int().nonnegative(),
  /** Customers created because the file named a customer id not seen before. */
  customersCreated: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  /** The first MAX_LISTED_ERRORS bad rows with their 1-based line; a bad row never stops the others. */
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /** Header columns the import does not know (their values are ignored). */
  unknownColumns: z.array(z.string()),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export function newReport(kind: ImportReport['kind'], startedAt: Date): ImportReport {
  return {
    kind, rows: 0, imported: 0, updated: 0, duplicates: 0, returns: 0, customersCreated: 0,
    errorCount: 0, errors: [], unknownColumns: [], startedAt: startedAt.toISOString(), durationMs: 0,
  };
}

export function rowError(report: ImportReport, line: number, message: string): void {
  report.errorCount++;
  if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push({ line, message });
}

/** Maps CSV header cells to known column names; reports unknown and missing ones. */
export function readHeader<K extends string>(
  cells: string[],
  known: readonly K[],
  required: readonly K[],
): { index: Partial<Record<K, number>>; unknown: string[]; missing: K[] } {
  const index: Partial<Record<K, number>> = {};
  const unknown: string[] = [];
  const lower = new Map(known.map((k) => [k.toLowerCase(), k]));
  cells.forEach((cell, i) => {
    const name = lower.get(cell.trim().toLowerCase());
    if (name !== undefined && index[name] === undefined) index[name] = i;
    else unknown.push(cell);
  });
  return { index, unknown, missing: required.filter((k) => index[k] === undefined) };
}

/**
 * The header line of an import: the column index, or null after reporting the missing columns at `line`
 * (nothing can be read without them, so the file stops there). Unknown columns go on the report.
 */
export function acceptHeader<K extends string>(
  report: ImportReport,
  line: number,
  cells: string[],
  known: readonly K[],
  required: readonly K[],
): Partial<Record<K, number>> | null {
  const header = readHeader(cells, known, required);
  report.unknownColumns = header.unknown;
  if (header.missing.length === 0) return header.index;
  rowError(report, line, `header: missing column(s) ${header.missing.join(', ')} (expected ${known.join(',')})`);
  return null;
}

/** Adds one stored batch to the report: `imported` = new or changed records, `duplicates` = identical ones. */
export function addBatchCounts(report: ImportReport, counts: UpsertCounts): void {
  report.imported += counts.inserted + counts.updated;
  report.updated += counts.updated;
  report.duplicates += counts.unchanged;
}
