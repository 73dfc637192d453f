import type { Page, PageRequest } from './schemas/common.js';

/** Reads every page of a paginated store list (200 a page), stopping at `max` items. */
export async function drainPages<T>(list: (page: PageRequest) => Promise<Page<T>>, max = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list({ limit: 200, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out.length > max ? out.slice(0, max) : out;
}
