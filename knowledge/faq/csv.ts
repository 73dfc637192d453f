import type { FaqEntry } from '../../core/index.js';

/** Columns of the FAQ CSV format; list cells join values with " | ". */
export const CSV_COLUMNS = ['id', 'question', 'answer', 'alternates', 'tags'] as const;
const LIST_SEP = '|';

/** RFC 4180 CSV (quoted fields, "" escapes, CRLF or LF) -> records of cells. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.length === 0) quoted = true;
    else if (c === ',') (record.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.some((f) => f.length > 0)) records.push(record);
      record = [];
    } else field += c;
  }
  record.push(field);
  if (record.some((f) => f.length > 0)) records.push(record);
  return records;
}

/**
 * CSV with a header row -> plain objects ready for `importFaqs` (which
 * validates them). Unknown columns are kept so validation can name them.
 */
export function parseCsv(text: string): Record<string, unknown>[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) return [];
  const names = header.map((h) => h.trim().toLowerCase());
  return rows.map((cells) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const cell = (cells[i] ?? '').trim();
      if (name === 'alternates' || name === 'tags') row[name] = cell ? cell.split(LIST_SEP).map((s) => s.trim()).filter(Boolean) : [];
      else if (name === 'id' && cell === '') return;
      else row[name] = cell;
    });
    return row;
  });
}

function cell(value: string): string {
  // Spreadsheet apps execute cells starting with = + - @: neutralise (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: Pick<FaqEntry, 'id' | 'question' | 'answer' | 'alternates' | 'tags'>[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push([e.id, e.question, e.answer, e.alternates.join(` ${LIST_SEP} `), e.tags.join(` ${LIST_SEP} `)].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
