import { z } from 'zod';

export const intentNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'Use letters, digits, _ . -');

/** Entities every node extracts without configuration (PROTOCOL.md "Intent forms"). */
export const BUILTIN_ENTITIES = ['order_id', 'email', 'phone', 'number', 'date', 'time', 'money', 'url'] as const;
export type BuiltinEntity = (typeof BUILTIN_ENTITIES)[number];
export const isBuiltinEntity = (name: string): name is BuiltinEntity => (BUILTIN_ENTITIES as readonly string[]).includes(name);

/** One value a form collects; `entity` is a builtin or an admin-defined entity name. */
export const slotSchema = z.strictObject({
  name: z.string().trim().min(1).max(60).regex(/^[a-z][a-z0-9_]*$/i, 'Use letters, digits and _ (starting with a letter)'),
  entity: intentNameSchema,
  /** The question asked when the value is missing (default: "What's your <slot name>?"). */
  prompt: z.string().trim().min(1).max(500).optional(),
  /** Default true; an optional slot is filled when the customer gives it but never asked for. */
  required: z.boolean().optional(),
});
export type Slot = z.infer<typeof slotSchema>;

/** Built-in actions served from Parley's own data (bot/actions). */
export const BUILTIN_ACTIONS = ['order_status', 'recommend_products'] as const;
export type BuiltinAction = (typeof BUILTIN_ACTIONS)[number];

/** Why an action URL is refused, or null: only absolute http(s) URLs are ever called (no file:, data:, javascript:). */
export function actionUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `Only http and https URLs can be called (got ${parsed.protocol})`;
  if (parsed.username || parsed.password) return 'Put no credentials in the URL: requests are signed with ACTIONS_SECRET';
  return null;
}

/** PROTOCOL.md "Intent actions": what runs when the intent is recognised. */
export const intentActionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('http'),
    url: z.string().trim().max(2048).superRefine((url, ctx) => {
      const problem = actionUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** Default 3,000 ms. */
    timeoutMs: z.number().int().min(100).max(30_000).optional(),
    /** Calls of this action in flight at once (default 16); more are answered with the fallback at once. */
    maxConcurrent: z.number().int().min(1).max(1000).optional(),
  }),
  z.strictObject({ type: z.literal('builtin'), name: z.enum(BUILTIN_ACTIONS) }),
]);
export type IntentAction = z.infer<typeof intentActionSchema>;
export type HttpAction = Extract<IntentAction, { type: 'http' }>;
export const DEFAULT_ACTION_TIMEOUT_MS = 3000;
export const DEFAULT_ACTION_CONCURRENCY = 16;

/** `{{customer.name}}`, `{{order.status}}`: profile fields, filled from the customer (never form slots). */
export const isProfileField = (name: string): boolean => /^(customer|order)\./.test(name);

export const intentSchema = z
  .strictObject({
    name: intentNameSchema,
    utterances: z.array(z.string().trim().min(1).max(500)).max(5000),
    /** Response template; `{{slot}}` placeholders render the values as the customer gave them. */
    answer: z.string().trim().min(1).max(4000).optional(),
    escalate: z.boolean().optional(),
    /** A form: values asked for in order (without it, the answer's placeholders are the required slots). */
    slots: z.array(slotSchema).max(20).optional(),
    /** Shown (rendered) before answering, answered yes/no. */
    confirm: z.string().trim().min(1).max(1000).optional(),
    /** Runs when the intent is recognised (after its form, if any); its answer is the reply when the action fails. */
    action: intentActionSchema.optional(),
  })
  .superRefine((intent, ctx) => {
    const seen = new Set<string>();
    intent.slots?.forEach((slot, i) => {
      if (seen.has(slot.name)) ctx.addIssue({ code: 'custom', path: ['slots', i, 'name'], message: `Slot "${slot.name}" is declared twice` });
      seen.add(slot.name);
    });
    if (!intent.slots) return;
    // A placeholder no slot fills would render empty: say so when the intent is saved, not in a customer's chat.
    for (const field of ['answer', 'confirm'] as const) {
      for (const m of (intent[field] ?? '').matchAll(/\{\{\s*([\w.-]+)\s*(?:\|[^}]*)?\}\}/g)) {
        if (m[1] && !seen.has(m[1]) && !isProfileField(m[1])) ctx.addIssue({ code: 'custom', path: [field], message: `{{${m[1]}}} is not one of the slots` });
      }
    }
  });
export type Intent = z.infer<typeof intentSchema>;

/** Slot entities of an intent that are neither builtin nor in `defined` (a deleted or misspelt entity). */
export function unknownSlotEntities(intent: Pick<Intent, 'slots'>, defined: readonly string[]): { index: number; entity: string }[] {
  return (intent.slots ?? []).flatMap((s, index) => (isBuiltinEntity(s.entity) || defined.includes(s.entity) ? [] : [{ index, entity: s.entity }]));
}

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
