import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { productIdSchema } from './order.js';

/** Why a product is on a customer's list; the words are made from it when served (with the product's name). */
export const recommendationReasonSchema = z.enum(['bought-before', 'bought-together', 'popular']);
export type RecommendationReason = z.infer<typeof recommendationReasonSchema>;

export const storedRecommendationSchema = z.object({
  productId: productIdSchema,
  score: z.number().finite(),
  reason: recommendationReasonSchema,
  /** bought-together: the customer's own product it goes with. */
  because: productIdSchema.optional(),
});
export type StoredRecommendation = z.infer<typeof storedRecommendationSchema>;

/** Products kept per list and customer: the route's default is 10; more is rarely shown and costs storage. */
export const STORED_RECOMMENDATIONS = 20;

/** One customer's lists as the analytics run (or an incremental update after new orders) computed them. */
export const customerRecommendationsSchema = z.object({
  customerId: idSchema,
  /** The analytics run whose model produced them (an incremental update keeps that run's id). */
  runId: idSchema,
  computedAt: isoDateSchema,
  /** Any product, buy-again may lead. */
  any: z.array(storedRecommendationSchema).max(STORED_RECOMMENDATIONS),
  /** Only products this customer never bought. */
  fresh: z.array(storedRecommendationSchema).max(STORED_RECOMMENDATIONS),
});
export type CustomerRecommendations = z.infer<typeof customerRecommendationsSchema>;

/** `GET /api/customers/:id/recommendations` query (PROTOCOL v1.1). */
export const recommendationsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  new: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
