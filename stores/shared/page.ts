import { ParleyError, type Page, type PageRequest } from '../../core/index.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Stores clamp the page size to 1..200 (default 50). */
export function clampLimit(limit: number | undefined, fallback = DEFAULT_LIMIT): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/** Opaque cursor: base64url of the last id of the previous page. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9A-Za-z._:-]{1,128}$/.test(id) || encodeCursor(id) !== cursor) {
    throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
  return id;
}

/** Rows were fetched with limit + 1: the extra row only says there is a next page. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last ? encodeCursor(last.id) : null };
}

export type { Page, PageRequest };
