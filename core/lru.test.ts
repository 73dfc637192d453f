import { describe, expect, it } from '@jest/globals';
import { Lru } from './lru.js';

describe('Lru', () => {
  it('keeps at most max entries and forgets the least recently used', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
    lru.clear();
    expect(lru.size).toBe(0);
  });
});
