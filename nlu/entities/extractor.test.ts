import { describe, expect, it } from '@jest/globals';
import type { EntityDefinition } from '../../core/index.js';
import { createEntityExtractor } from './extractor.js';

const now = () => new Date('2026-03-10T12:00:00Z'); // a Tuesday

function find(text: string, defs: EntityDefinition[] = []) {
  return createEntityExtractor(defs, now).extract(text);
}

describe('built-in entities', () => {
  it('finds email, phone and url with spans and normalised values', () => {
    const text = 'Mail John.Doe@Example.com, call +44 20 7946 0958 or see https://example.com/help?x=1.';
    const got = find(text);
    expect(got.map((e) => [e.entity, e.value])).toEqual([
      ['email', 'john.doe@example.com'],
      ['phone', '+442079460958'],
      ['url', 'https://example.com/help?x=1'],
    ]);
    for (const e of got) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('finds order and ticket ids in their usual shapes', () => {
    const got = find('where is #A12345 and ORD-123456, also ticket TCK 998877');
    expect(got.filter((e) => e.entity === 'order_id').map((e) => e.value)).toEqual(['A12345', 'ORD-123456', '998877']);
  });

  it('keeps an order id as the customer wrote it (a word before it names the id, it is not part of it)', () => {
    const ids = (text: string) => find(text).filter((e) => e.entity === 'order_id').map((e) => e.value);
    expect(ids('track order 55555')).toEqual(['55555']);
    expect(ids('track order #55555')).toEqual(['55555']);
    expect(ids('status of ord-77812 please')).toEqual(['ord-77812']);
    expect(ids('is ORDER_40404 shipped')).toEqual(['ORDER_40404']);
  });

  it('normalises money, numbers, dates and times', () => {
    const got = find('I paid $49.99 and 20 euros on 12 March for 3 items, deliver tomorrow at 5pm or next friday 17:30, not 2026-02-30');
    const pairs = got.map((e) => [e.entity, e.value]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['money', '49.99 USD'],
        ['money', '20.00 EUR'],
        ['date', '2026-03-12'],
        ['number', 3],
        ['date', '2026-03-11'],
        ['time', '17:00'],
        ['date', '2026-03-13'],
        ['time', '17:30'],
      ]),
    );
    // An impossible calendar date is not a date.
    expect(pairs.some(([entity, value]) => entity === 'date' && String(value).startsWith('2026-02-3'))).toBe(false);
  });

  it('does not read a short bare number as a phone number', () => {
    expect(find('my zip is 90210').map((e) => e.entity)).toEqual(['number']);
  });

  it('copes with empty, emoji and control-character input', () => {
    expect(find('')).toEqual([]);
    expect(find('😀😀 \u0000\u0007')).toEqual([]);
  });
});

describe('admin-defined entities', () => {
  it('matches enum options and synonyms (longest first, plurals, accents) and regex entities with a value group', () => {
    const defs: EntityDefinition[] = [
      { name: 'product', type: 'enum', options: [
        { value: 'iPhone 15 Pro', synonyms: ['iphone 15 pro', 'fifteen pro'] },
        { value: 'iPhone 15', synonyms: ['iphone fifteen'] },
        { value: 'Café Crème', synonyms: [] },
      ] },
      { name: 'ref', type: 'regex', pattern: 'REF-(\\d+)', flags: 'i' },
    ];
    const got = find('Is my iPhone 15 Pro compatible with two iphone 15s? I ordered a cafe creme, ref-778', defs);
    const custom = got.filter((e) => e.entity === 'product' || e.entity === 'ref');
    expect(custom.map((e) => [e.entity, e.value, e.text])).toEqual([
      ['product', 'iPhone 15 Pro', 'iPhone 15 Pro'],
      ['product', 'iPhone 15', 'iphone 15s'],
      ['product', 'Café Crème', 'cafe creme'],
      ['ref', '778', 'ref-778'],
    ]);
  });

  it('stays correct with hundreds of enum values', () => {
    const options = Array.from({ length: 800 }, (_, i) => ({ value: `City ${i}`, synonyms: [`town number ${i}`, `c${i}ville`] }));
    const extractor = createEntityExtractor([{ name: 'city', type: 'enum', options }], now);
    const got = extractor.extract('from c17ville to town number 799 via City 4 and city 1000');
    expect(got.filter((e) => e.entity === 'city').map((e) => e.value)).toEqual(['City 17', 'City 799', 'City 4']);
  });

  it('reports an invalid admin regex instead of throwing', () => {
    const extractor = createEntityExtractor([{ name: 'bad', type: 'regex', pattern: '([a-z' }], now);
    expect(extractor.rejected.map((r) => r.entity)).toEqual(['bad']);
    expect(extractor.extract('hello 42').map((e) => e.entity)).toEqual(['number']);
  });
});
