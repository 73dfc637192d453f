import type { Request } from 'express';
import { pageQuerySchema, parseOrThrow } from '../../core/index.js';

/** `?limit=&cursor=` validated (limit 1-200). */
export function pageOf(req: Request): { limit?: number; cursor?: string } {
  const { limit, cursor } = parseOrThrow(pageQuerySchema, { limit: req.query.limit, cursor: req.query.cursor });
  return { limit, cursor };
}

/** Paginates an in-memory list with an offset cursor (for computed lists such as search results). */
export function pageArray<T>(all: T[], page: { limit?: number; cursor?: string }): { items: T[]; nextCursor: string | null } {
  const start = page.cursor && /^\d+$/.test(page.cursor) ? Number(page.cursor) : 0;
  const limit = page.limit ?? 50;
  const items = all.slice(start, start + limit);
  return { items, nextCursor: start + limit < all.length ? String(start + limit) : null };
}

export function queryString(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
