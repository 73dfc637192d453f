import { z } from 'zod';

/** One order line, exactly what `OrderStore.scanLines` yields (oldest first, in batches). */
export const orderLineSchema = z.object({
  customerId: z.string().min(1),
  orderId: z.string().min(1),
  /** ISO 8601 date or date-time of the order. */
  date: z.string().min(1),
  productId: z.string().optional(),
  quantity: z.number().optional(),
  /** Line total; negative for a returned or credited line. */
  amount: z.number(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

/**
 * One conversation, summarised (the analytics job has these). Conversation features are built
 * from these events as of any date, so a model trained at a past cut never sees what came later.
 */
export const conversationSummarySchema = z.object({
  customerId: z.string().min(1),
  /** When the conversation started (ISO). */
  at: z.string().min(1),
  /** CSAT 1..5, or null when not rated. */
  csat: z.number().min(1).max(5).nullable(),
  /** Share of the customer's messages with negative sentiment, 0..1. */
  negativeShare: z.number().min(0).max(1),
  escalated: z.boolean(),
  /** Questions the bot could not answer (fallbacks) in this conversation. */
  unanswered: z.number().int().nonnegative(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export type LineBatches = AsyncIterable<OrderLine[]> | Iterable<OrderLine[]>;
