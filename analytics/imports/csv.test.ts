import { describe, expect, it } from '@jest/globals';
import { csvCell, csvRecords, parseCsv } from './csv.js';

describe('csv', () => {
  it('parses quotes, doubled quotes, CRLF and blank lines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n1,\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['1', '']]);
  });

  it('keys records by lower-cased header with line numbers', () => {
    expect(csvRecords('CustomerId, Amount\nc1, 12.5\n')).toEqual([{ line: 2, record: { customerid: 'c1', amount: '12.5' } }]);
  });

  it('quotes cells and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
  });
});
