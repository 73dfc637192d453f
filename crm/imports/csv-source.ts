import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export type CsvItem =
  /** `line`: 1-based line of the source where the record ends; `bytes`: source parsed so far (progress). */
  | { line: number; cells: string[]; bytes: number; error?: undefined }
  /** A record the parser could not read (e.g. a quote never closed: the rest of the file is that record). */
  | { line: number; error: string };

/**
 * Streams records of an RFC 4180 CSV (BOM, quotes, CRLF, blank lines) with their line numbers: the
 * parser pulls from `source` as records are consumed, so the file is never held whole. Rows may have
 * any number of cells (the importers report rows whose count differs from the header); syntax errors
 * come as items in line order instead of ending the stream.
 */
export async function* csvRows(source: Readable): AsyncGenerator<CsvItem> {
  const parser = source.pipe(
    parse({
      bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true,
      skip_records_with_error: true, info: true, max_record_size: 1 << 20,
    }),
  );
  const skipped: { line: number; error: string }[] = [];
  parser.on('skip', (err: { lines?: number; message?: string }) => {
    skipped.push({ line: err.lines ?? parser.info.lines, error: err.message ?? 'Malformed CSV' });
  });
  source.on('error', (err) => parser.destroy(err));
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      while (skipped.length > 0 && skipped[0]!.line <= item.info.lines) yield skipped.shift()!;
      yield { line: item.info.lines, cells: item.record, bytes: item.info.bytes };
    }
    yield* skipped;
  } finally {
    source.unpipe(parser);
    parser.destroy();
  }
}
