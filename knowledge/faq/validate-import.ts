import { faqInputSchema, toIssues, type ErrorIssue, type NewFaqEntry } from '../../core/index.js';

export interface ImportRowError {
  /** 1-based position in the submitted rows. */
  row: number;
  issues: ErrorIssue[];
}

/**
 * Validates every row (never stops at the first bad one) and flags ids that
 * repeat inside the file or already exist in the store.
 */
export function validateImport(rows: unknown[], existingIds: ReadonlySet<string>): { valid: { row: number; entry: NewFaqEntry }[]; errors: ImportRowError[] } {
  const valid: { row: number; entry: NewFaqEntry }[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const parsed = faqInputSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push({ row, issues: toIssues(parsed.error) });
      return;
    }
    const entry = parsed.data;
    if (entry.id !== undefined) {
      const first = seen.get(entry.id);
      if (first !== undefined) {
        errors.push({ row, issues: [{ path: 'id', message: `ERR_FAQ_DUPLICATE: same id as row ${first}` }] });
        return;
      }
      if (existingIds.has(entry.id)) {
        errors.push({ row, issues: [{ path: 'id', message: 'ERR_FAQ_DUPLICATE: an entry with this id exists' }] });
        return;
      }
      seen.set(entry.id, row);
    }
    valid.push({ row, entry });
  });
  return { valid, errors };
}
