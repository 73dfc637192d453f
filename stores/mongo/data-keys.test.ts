import { describe, expect, it } from '@jest/globals';
import { fromData, toData } from './data-keys.js';

describe('free-form values are stored as data, never as MongoDB syntax', () => {
  it('escapes $-prefixed and dotted keys at any depth and restores them exactly', () => {
    const value = { $gt: '', 'a.b': { $where: 'sleep(1)', list: [{ $ne: 1 }] }, '100%': '%24', plain: 1 };
    const stored = toData(value);
    expect(JSON.stringify(stored)).not.toMatch(/"\$|\w\.\w":/);
    expect(Object.keys(stored)).toEqual(['%24gt', 'a%2Eb', '100%25', 'plain']);
    expect(fromData(stored)).toEqual(value);
  });
  it('leaves ordinary keys alone, so older documents read back unchanged', () => {
    const old = { slots: { city: 'Paris' }, n: [1, 2] };
    expect(fromData(old)).toEqual(old);
    expect(toData(old)).toEqual(old);
  });
});
