import { z } from 'zod';
import { clientMessageIdSchema, textSchema } from '../schemas/common.js';
import { roleSchema } from '../schemas/staff.js';
import { dialogueStateSchema } from '../schemas/dialogue.js';

export const loginSchema = z.strictObject({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) });

export const userCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(320),
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: z.string().min(10, 'At least 10 characters').max(1024),
});
export const userUpdateSchema = userCreateSchema.partial();

export const webhookMessageSchema = z.strictObject({
  userId: z.string().min(1).max(200),
  clientMessageId: clientMessageIdSchema,
  text: textSchema,
});

export const nluTestSchema = z.strictObject({
  text: textSchema,
  /** The Test page's conversation so far (returned by the previous call): the turn is then played as its next one. */
  dialogue: dialogueStateSchema.nullable().optional(),
});

export const analyticsRangeSchema = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});

/** GET /api/unanswered item: customer questions that got fallback or clarify, grouped by normalised text. */
/** One cluster of questions the bot could not answer; texts are masked (contact details, account numbers). */
export interface UnansweredGroup {
  key: string;
  /** The cluster's most frequent wording. */
  text: string;
  count: number;
  /** A few other wordings customers used. */
  examples: string[];
}

export interface HealthBody {
  status: 'ok';
  store: 'embedded' | 'mongo';
  retrieval: 'hybrid' | 'lexical';
  model?: string;
  version: string;
}

export const jobStateSchema = z.enum(['queued', 'running', 'done', 'failed']);
export interface JobView {
  id: string;
  kind: string;
  state: z.infer<typeof jobStateSchema>;
  progress: number;
  result?: unknown;
  error?: string;
  createdAt: string;
}
