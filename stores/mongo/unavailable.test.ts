import { describe, expect, it } from '@jest/globals';
import { MongoNetworkError } from 'mongodb';
import { guardPort, isUnavailable } from './unavailable.js';

describe('outages surface as ERR_STORE_UNAVAILABLE', () => {
  const port = {
    async get(): Promise<string> {
      // The driver's own class needs a topology description to construct; its name is what we match.
      throw Object.assign(new Error('Server selection timed out after 3000 ms'), { name: 'MongoServerSelectionError' });
    },
    async *scan(): AsyncGenerator<number> {
      yield 1;
      throw new MongoNetworkError('connection reset');
    },
    async bad(): Promise<string> {
      throw new Error('E11000 duplicate key');
    },
  };
  const guarded = guardPort(port);

  it('maps driver connectivity errors on promises and async iterators, and nothing else', async () => {
    await expect(guarded.get()).rejects.toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' });
    const seen: number[] = [];
    await expect((async () => { for await (const n of guarded.scan()) seen.push(n); })()).rejects.toMatchObject({ code: 'ERR_STORE_UNAVAILABLE' });
    expect(seen).toEqual([1]);
    await expect(guarded.bad()).rejects.toThrow('E11000');
    expect(isUnavailable(new Error('Operation `x.find()` buffering timed out after 2000ms'))).toBe(true);
  });
});
