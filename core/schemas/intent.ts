import { z } from 'zod';

export const intentNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'Use letters, digits, _ . -');

export const intentSchema = z.strictObject({
  name: intentNameSchema,
  utterances: z.array(z.string().trim().min(1).max(500)).max(5000),
  /** Response template; `{{entity}}` placeholders are filled from extracted entities. */
  answer: z.string().trim().min(1).max(4000).optional(),
  escalate: z.boolean().optional(),
});
export type Intent = z.infer<typeof intentSchema>;

/** Admin-defined entities: enum (options with synonyms) or regex. */
export const entityDefinitionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    name: intentNameSchema,
    type: z.literal('enum'),
    options: z
      .array(z.strictObject({ value: z.string().trim().min(1).max(200), synonyms: z.array(z.string().trim().min(1).max(200)).max(200).default([]) }))
      .min(1)
      .max(5000),
  }),
  z.strictObject({
    name: intentNameSchema,
    type: z.literal('regex'),
    pattern: z.string().min(1).max(500),
    flags: z.string().regex(/^[imsu]*$/).max(4).optional(),
  }),
]);
export type EntityDefinition = z.infer<typeof entityDefinitionSchema>;

/** A trained, versioned NLU model as persisted by the NluModelStore. */
export interface NluModelRecord {
  version: string;
  createdAt: string;
  /** Serialised model (JSON text); opaque to the store. */
  data: string;
  /** Accuracy figures from training (held-back utterances, per-intent...). */
  metrics: Record<string, unknown>;
  active: boolean;
}
