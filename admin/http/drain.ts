import type { Page, PageRequest } from '../../core/index.js';

/** Reads every page of a paginated store list, bounded so one request cannot load an unbounded history. */
export async function drain<T>(list: (page: PageRequest) => Promise<Page<T>>, max = 5000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list({ limit: 200, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}
