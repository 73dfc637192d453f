import { z } from 'zod';
import { isoDateSchema } from './common.js';

/**
 * What the bot remembers between turns of one conversation: the open form and the last topic.
 * It lives on the conversation (not in a side table), so export and erase of a customer see it.
 */

/** A value exactly as the customer gave it (`text`), and its normalised reading (ISO date, lowercased email...). */
export const slotValueSchema = z.object({
  text: z.string().max(16000),
  value: z.union([z.string().max(16000), z.number()]),
});
export type SlotValue = z.infer<typeof slotValueSchema>;

/** The question the customer owes us: a slot's value, yes/no to the confirmation, or which value to change. */
export const formPendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('slot'), slot: z.string(), attempts: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('confirm'), attempts: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('change'), attempts: z.number().int().nonnegative() }),
]);
export type FormPending = z.infer<typeof formPendingSchema>;

export const formStateSchema = z.object({
  intent: z.string(),
  values: z.record(z.string(), slotValueSchema),
  pending: formPendingSchema,
  startedAt: isoDateSchema,
  /** Last time the customer moved the form on; a form untouched for 30 minutes expires. */
  updatedAt: isoDateSchema,
});
export type FormState = z.infer<typeof formStateSchema>;

/** What the previous answer was about: follow-ups ("how long does it take?") are read against it. */
export const dialogueTopicSchema = z.object({
  kind: z.enum(['intent', 'faq']),
  /** Intent name or FAQ id. */
  id: z.string(),
  /** Words that name the topic (intent label, FAQ question). */
  label: z.string().max(1000),
  at: isoDateSchema,
});
export type DialogueTopic = z.infer<typeof dialogueTopicSchema>;

export const dialogueStateSchema = z.object({
  form: formStateSchema.nullable(),
  topic: dialogueTopicSchema.nullable(),
});
export type DialogueState = z.infer<typeof dialogueStateSchema>;

/** Stored state that no longer parses (an older shape) is dropped rather than trusted. */
export function readDialogueState(raw: unknown): DialogueState | null {
  const parsed = dialogueStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
