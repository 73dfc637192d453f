import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { channelSchema } from './conversation.js';
import { entityMatchSchema, intentScoreSchema, sentimentSchema, turnDecisionSchema } from './analysis.js';

/** One understood customer turn: the raw material of CSAT, churn and unanswered-question analytics. */
export const interactionSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  customerId: idSchema,
  messageId: idSchema,
  channel: channelSchema,
  text: z.string(),
  intent: intentScoreSchema.nullable(),
  alternatives: z.array(intentScoreSchema),
  entities: z.array(entityMatchSchema),
  sentiment: sentimentSchema,
  outOfScope: z.boolean(),
  faqHits: z.array(z.object({ faqId: z.string(), score: z.number(), calibrated: z.number() })),
  decision: turnDecisionSchema,
  latencyMs: z.number().nonnegative(),
  createdAt: isoDateSchema,
});
export type Interaction = z.infer<typeof interactionSchema>;
export type NewInteraction = Omit<Interaction, 'id'>;
