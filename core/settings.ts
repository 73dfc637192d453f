import { z } from 'zod';
import type { KeyValueStore } from './ports/stores.js';

/**
 * A typed setting: one zod schema owns its shape and defaults, every read parses (a stored value that no longer
 * fits falls back to the defaults instead of reaching the code half-typed), every write is validated first.
 */
export interface Setting<S extends z.ZodType> {
  key: string;
  schema: S;
}

const NAMESPACE = 'settings';

export async function readSetting<S extends z.ZodType>(kv: Pick<KeyValueStore, 'get'>, setting: Setting<S>): Promise<z.output<S>> {
  const stored = await kv.get(NAMESPACE, setting.key);
  const parsed = setting.schema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : setting.schema.parse({});
}

export async function writeSetting<S extends z.ZodType>(kv: Pick<KeyValueStore, 'put'>, setting: Setting<S>, value: unknown): Promise<z.output<S>> {
  const parsed = setting.schema.parse(value);
  await kv.put(NAMESPACE, setting.key, parsed);
  return parsed;
}

/** Which customers the agent queue puts first, and how much sooner the bot hands them over (issue 17). */
export const customerPrioritySchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** "High value": expected revenue (CLV) in this top share of customers; 0.1 = the top decile. */
  highValueTopShare: z.number().min(0.01).max(0.5).default(0.1),
  /** "At risk": churn risk at or above this. */
  churnRiskAtLeast: z.number().min(0.05).max(1).default(0.7),
  /** Consecutive fallbacks before a priority customer is handed over (everyone else: ESCALATE_AFTER_FALLBACKS). */
  escalateAfterFallbacks: z.number().int().min(1).max(10).default(1),
  /** Said instead of the cancel intent's answer to a customer who is both high value and at risk; none = no offer. */
  retentionOffer: z.string().trim().min(1).max(1000).optional(),
  /** Intents that mean "I want to cancel". */
  cancelIntents: z.array(z.string().trim().min(1).max(100)).max(20).default(['cancel_subscription']),
});
export type CustomerPrioritySettings = z.output<typeof customerPrioritySchema>;
export const customerPrioritySetting: Setting<typeof customerPrioritySchema> = { key: 'customer-priority', schema: customerPrioritySchema };
