import { z } from 'zod';
import { orderDateSchema, productIdSchema } from '../../core/index.js';

export const ORDER_COLUMNS = ['orderId', 'customerId', 'date', 'productId', 'quantity', 'amount'] as const;
export const REQUIRED_ORDER_COLUMNS = ['orderId', 'customerId', 'date', 'amount'] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];

/** Plain decimal numbers only: "12,50" or "£3" are errors, not silently 0 or NaN. */
export const decimal = z
  .string()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, 'Not a number')
  .transform(Number)
  .refine(Number.isFinite, 'Not a finite number');

const orderRowSchema = z.object({
  orderId: z.string().max(128),
  customerId: z.string().max(200),
  date: orderDateSchema,
  productId: productIdSchema.optional(),
  quantity: decimal.optional(),
  amount: decimal,
});

export interface OrderRow {
  orderId: string;
  /** The business's customer id. */
  customerId: string;
  date: string;
  productId?: string;
  quantity?: number;
  amount: number;
}

/** A day of slack for time zones: an order dated later than that is a data error. */
const FUTURE_SLACK_MS = 86_400_000;

/**
 * One CSV row -> an order line, or why not. Rules (crm/README.md): amount 0 is refused (a line
 * worth nothing is no purchase), a negative amount is a return line and kept, quantity and amount
 * must not have opposite signs, dates after the import time are refused.
 */
export function parseOrderRow(cells: string[], index: Partial<Record<OrderColumn, number>>, nowMs: number): OrderRow | string {
  const raw: Record<string, string> = {};
  for (const col of ORDER_COLUMNS) {
    const i = index[col];
    const v = i === undefined ? undefined : cells[i];
    if (v !== undefined && v !== '') raw[col] = v;
  }
  const parsed = orderRowSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return field === undefined ? (issue?.message ?? 'Invalid row') : `${String(field)}: ${raw[String(field)] === undefined ? 'is required' : issue?.message}`;
  }
  const row = parsed.data;
  if (row.amount === 0) return 'amount: is 0 (a line worth nothing is not a purchase; leave it out)';
  if (row.quantity !== undefined && row.quantity !== 0 && Math.sign(row.quantity) !== Math.sign(row.amount)) {
    return 'quantity and amount have opposite signs (a return has both negative)';
  }
  if (Date.parse(row.date) > nowMs + FUTURE_SLACK_MS) return `date: ${row.date.slice(0, 10)} is in the future`;
  return row;
}
