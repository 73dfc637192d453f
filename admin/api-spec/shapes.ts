import { z } from 'zod';
import { conversationStateSchema, jobStateSchema, roleSchema } from '../../core/index.js';

/** Response shapes the routes build by hand; the example replay test parses real responses with them. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export const jobAccepted = z.object({ jobId: z.string() });
export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  state: jobStateSchema,
  progress: z.number().min(0).max(1),
  result: z.unknown().optional(),
  error: z.string().optional(),
  createdAt: z.string(),
});
export const publicUser = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }).meta({ id: 'StaffUser' });
export const conversationSummary = z
  .object({
    id: z.string(),
    state: conversationStateSchema,
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    customer: z.object({ id: z.string(), name: z.string().optional(), email: z.string().optional() }),
    lastMessage: z.object({ author: z.string(), text: z.string(), createdAt: z.string() }).nullable(),
    intent: z.string().optional(),
    sentiment: z.number().optional(),
    waitingSince: z.string().optional(),
  })
  .meta({ id: 'ConversationSummary' });
export const customerSummary = z.object({
  id: z.string(),
  externalId: z.string().optional(),
  businessCustomerId: z.string().nullable().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
});
export const customerProfile = z.object({
  customer: z.object({ id: z.string(), externalId: z.string().optional(), name: z.string().optional(), email: z.string().optional() }),
  conversations: z.array(z.unknown()),
  insights: z.unknown().nullable(),
  timeline: z.array(z.object({ at: z.string(), conversationId: z.string(), text: z.string() })),
});
export const csv = { contentType: 'text/csv' } as const;
