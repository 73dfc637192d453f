import { afterAll, beforeAll } from '@jest/globals';
import type { Page, PageRequest, Stores } from '../../core/index.js';

/** Opens a fresh, empty set of stores (temp dir for embedded, new database for Mongo). */
export type StoresFactory = () => Promise<Stores>;

/** One Stores per describe block, closed after it; `get()` inside tests. */
export function useStores(make: StoresFactory): () => Stores {
  let stores: Stores | null = null;
  beforeAll(async () => {
    stores = await make();
  });
  afterAll(async () => {
    await stores?.close();
  });
  return () => {
    if (!stores) throw new Error('stores not opened');
    return stores;
  };
}

/** Follows nextCursor to the end, failing on a cursor loop. */
export async function walkPages<T>(fetch: (page: PageRequest) => Promise<Page<T>>, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const page: Page<T> = await fetch({ limit, cursor });
    pages.push(page.items);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

/** Rejects with the ParleyError code (or the message) so tests assert codes. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
  return 'no error';
}

export const sorted = (ids: string[]): string[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
