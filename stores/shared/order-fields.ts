import { ParleyError, roundMoney, type NewOrder, type Order, type OrderLine, type Product, type UpsertCounts } from '../../core/index.js';

/** Storage key of a line's product: a line without a product is the order's one product-less line. */
export const productKey = (productId: string | undefined): string => productId ?? '';

export const emptyCounts = (): UpsertCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export function addCounts(into: UpsertCounts, more: UpsertCounts): UpsertCounts {
  into.inserted += more.inserted;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  return into;
}

export const orderTotal = (lines: OrderLine[]): number => roundMoney(lines.reduce((s, l) => s + l.amount, 0));

/** Lines sorted by product key, so equal orders compare equal and reads are stable. */
export function normaliseLines(order: NewOrder): OrderLine[] {
  const seen = new Set<string>();
  for (const l of order.lines) {
    const key = productKey(l.productId);
    if (seen.has(key)) {
      throw new ParleyError('ERR_VALIDATION', {
        issues: [{ path: 'lines', message: `Two lines of order ${order.orderId} have the same productId "${key}"` }],
      });
    }
    seen.add(key);
  }
  return [...order.lines]
    .map((l) => ({ ...(l.productId !== undefined ? { productId: l.productId } : {}), ...(l.quantity !== undefined ? { quantity: l.quantity } : {}), amount: l.amount }))
    .sort((a, b) => (productKey(a.productId) < productKey(b.productId) ? -1 : 1));
}

export function buildOrder(input: NewOrder): Order {
  const lines = normaliseLines(input);
  return {
    orderId: input.orderId,
    customerId: input.customerId,
    ...(input.externalCustomerId !== undefined ? { externalCustomerId: input.externalCustomerId } : {}),
    date: new Date(input.date).toISOString(),
    status: input.status,
    ...(input.trackingUrl !== undefined ? { trackingUrl: input.trackingUrl } : {}),
    lines,
    total: orderTotal(lines),
  };
}

export const sameOrder = (a: Order, b: Order): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Cursor of "newest first by date" pages: base64url of [dateMs, orderId]. */
export function encodeOrderCursor(dateMs: number, orderId: string): string {
  return Buffer.from(JSON.stringify([dateMs, orderId]), 'utf8').toString('base64url');
}

export function decodeOrderCursor(cursor: string | null | undefined): { dateMs: number; orderId: string } | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isFinite(v[0]) && typeof v[1] === 'string') {
      return { dateMs: v[0] as number, orderId: v[1] };
    }
  } catch {
    // falls through to the validation error
  }
  throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'cursor', message: 'Invalid cursor' }] });
}

/** `before` of scanLines as milliseconds (no bound = +Infinity, which SQL and Mongo compare as "all"). */
export function beforeMs(before: string | undefined): number {
  if (before === undefined) return Number.MAX_SAFE_INTEGER;
  const ms = Date.parse(before);
  if (Number.isNaN(ms)) throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'before', message: `Not a date: ${before}` }] });
  return ms;
}

/** scanLines batch size: orders per batch, 1..5000 (default 1000). */
export const scanBatch = (n: number | undefined): number => Math.max(1, Math.min(5000, Math.floor(n ?? 1000)));

/** Cursor of pages ordered by a free-form key (productId): base64url of the last key. */
export const encodeKeyCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

export function decodeKeyCursor(cursor: string | null | undefined): string | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeKeyCursor(key) !== cursor) {
    throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
  return key;
}

export const sameProduct = (a: Product, b: Product): boolean =>
  a.name === b.name && a.category === b.category && a.price === b.price;
