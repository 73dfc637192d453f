import { z } from 'zod';
import { idSchema } from './common.js';

/**
 * Orders and products of the shop (PROTOCOL.md "CRM data and insights"). A line's identity is
 * (orderId, productId): writing the same line again replaces it, so imports and live updates are idempotent.
 */
export const orderStatusSchema = z.enum(['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned']);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** Orders with these statuses are not purchases that stand: models never see their lines (scanLines skips them). */
export const VOID_ORDER_STATUSES: readonly OrderStatus[] = ['cancelled', 'returned'];

/** ISO 8601 date or date-time, normalised to `toISOString()` (UTC, milliseconds). */
export const orderDateSchema = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'Not an ISO 8601 date')
  .transform((s) => new Date(s).toISOString());

export const productIdSchema = z.string().trim().min(1).max(128);

export const orderLineSchema = z.object({
  productId: productIdSchema.optional(),
  quantity: z.number().finite().optional(),
  /** Line total in the shop's currency; negative = a return or refund line (kept as such). */
  amount: z.number().finite(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const orderSchema = z.object({
  orderId: idSchema,
  /** Our customer id. */
  customerId: idSchema,
  /** The shop's own customer id the order was given with. */
  externalCustomerId: z.string().max(256).optional(),
  date: z.string(),
  status: orderStatusSchema,
  trackingUrl: z.string().optional(),
  lines: z.array(orderLineSchema),
  /** Sum of the line amounts, rounded to cents. */
  total: z.number(),
});
export type Order = z.infer<typeof orderSchema>;

/** What an adapter is given: the total is always derived from the lines. */
export type NewOrder = Omit<Order, 'total'>;

export const productSchema = z.object({
  productId: productIdSchema,
  name: z.string().trim().min(1).max(500),
  category: z.string().trim().max(200).optional(),
  price: z.number().finite().nonnegative().optional(),
});
export type Product = z.infer<typeof productSchema>;

/** `PUT /api/orders/:orderId` body: `customerId` is the shop's customer id (our externalId rule, crm/README.md). */
export const orderUpsertBodySchema = z.strictObject({
  customerId: z.string().trim().min(1).max(200),
  date: orderDateSchema,
  status: orderStatusSchema.optional(),
  trackingUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  lines: z.array(orderLineSchema.strict()).min(1).max(1000),
});
export type OrderUpsertBody = z.infer<typeof orderUpsertBodySchema>;

/** One line as `OrderStore.scanLines` streams it to the CRM models (oldest first). */
export interface ScannedLine {
  customerId: string;
  orderId: string;
  date: string;
  productId?: string;
  quantity?: number;
  amount: number;
}

/** One CSV row of an orders import, after validation and customer resolution. */
export interface ImportLine {
  orderId: string;
  customerId: string;
  externalCustomerId?: string;
  date: string;
  productId?: string;
  quantity?: number;
  amount: number;
}

/** How many written records were new, changed, or identical to what was stored. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const roundMoney = (n: number): number => Math.round(n * 100) / 100;
