import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';

/** Rolling aggregates kept on the profile so dashboards never scan the log. */
export const profileStatsSchema = z.object({
  messageCount: z.number().int().nonnegative(),
  conversationCount: z.number().int().nonnegative(),
  escalations: z.number().int().nonnegative(),
  fallbacks: z.number().int().nonnegative(),
  sentimentSum: z.number(),
  sentimentCount: z.number().int().nonnegative(),
  csatSum: z.number().nonnegative(),
  csatCount: z.number().int().nonnegative(),
  lastCsat: z.number().int().min(1).max(5).nullable(),
});
export type ProfileStats = z.infer<typeof profileStatsSchema>;

export const emptyProfileStats = (): ProfileStats => ({
  messageCount: 0,
  conversationCount: 0,
  escalations: 0,
  fallbacks: 0,
  sentimentSum: 0,
  sentimentCount: 0,
  csatSum: 0,
  csatCount: 0,
  lastCsat: null,
});

export const customerSchema = z.object({
  id: idSchema,
  /** Anonymous widget visitors resume with this secret token. */
  visitorToken: z.string().nullable(),
  /** Channel-scoped external id: `identity:<userId>`, `webhook:<userId>`, `botframework:<id>`. */
  externalId: z.string().nullable(),
  /** PII: encrypted at rest by the store adapters. */
  name: z.string().nullable(),
  email: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
  stats: profileStatsSchema,
  createdAt: isoDateSchema,
  lastSeenAt: isoDateSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export interface NewCustomer {
  /** An id handed out before the record existed (the widget's anonymous visitors are stored at their first write). */
  id?: string;
  visitorToken?: string | null;
  externalId?: string | null;
  name?: string | null;
  email?: string | null;
  attributes?: Record<string, string>;
}

export type CustomerPatch = Partial<Pick<Customer, 'name' | 'email' | 'externalId' | 'visitorToken' | 'attributes'>>;

/** Increments applied atomically to `stats` (and lastSeenAt) after each turn. */
export interface ProfileDelta {
  messages?: number;
  conversations?: number;
  escalations?: number;
  fallbacks?: number;
  sentiment?: number;
  csat?: number;
  seenAt?: string;
}

/**
 * The business's own customer id (the widget identity `userId`, the `customerId` of its orders) is
 * stored as the external id `identity:<id>`, so a shopper who chats signed in and buys under the same
 * id is one profile. Channel ids (`webhook:`, `botframework:`) are scoped to their channel and never merged.
 */
export const BUSINESS_ID_PREFIX = 'identity:';
export const businessExternalId = (businessCustomerId: string): string => `${BUSINESS_ID_PREFIX}${businessCustomerId}`;

/** The business's customer id back from a stored external id (null for channel-scoped or anonymous customers). */
export function businessCustomerId(externalId: string | null): string | null {
  return externalId?.startsWith(BUSINESS_ID_PREFIX) ? externalId.slice(BUSINESS_ID_PREFIX.length) : null;
}
