import { describe, expect, it } from '@jest/globals';
import { parseCsv, parseCsvRecords, toCsv } from './csv.js';

describe('FAQ CSV', () => {
  it('round-trips quotes, commas, newlines and list cells', () => {
    const entries = [
      { id: 'a', question: 'Is it "free"?', answer: 'Yes, it is.\nReally.', alternates: ['free?', 'cost, price'], tags: ['x'] },
      { id: 'b', question: 'Plain', answer: '<b>bold</b> and **md**', alternates: [], tags: [] },
    ];
    expect(parseCsv(toCsv(entries))).toEqual(entries.map(({ id, question, answer, alternates, tags }) => ({ id, question, answer, alternates, tags })));
  });

  it('neutralises spreadsheet formulas on export', () => {
    const csv = toCsv([{ id: 'a', question: '=HYPERLINK("x")', answer: '@SUM(A1)', alternates: [], tags: [] }]);
    const [, row] = parseCsvRecords(csv);
    expect(row?.[1]).toBe(`'=HYPERLINK("x")`);
    expect(row?.[2]).toBe(`'@SUM(A1)`);
  });

  it('reads CRLF, a BOM and blank lines; an empty id cell means "generate one"', () => {
    const rows = parseCsv('\uFEFFid,question,answer\r\n,Q1,A1\r\n\r\nx,Q2,A2\r\n');
    expect(rows).toEqual([{ question: 'Q1', answer: 'A1' }, { id: 'x', question: 'Q2', answer: 'A2' }]);
  });
});
