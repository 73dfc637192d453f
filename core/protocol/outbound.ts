import { z } from 'zod';
import { messageSchema, suggestionSchema } from '../schemas/message.js';
import { conversationStateSchema } from '../schemas/conversation.js';

/**
 * Calls Parley makes to the business, each signed with `X-Parley-Signature` = hex HMAC-SHA256 of the raw body
 * (PROTOCOL.md). The webhook channel's callbacks use WEBHOOK_API_KEY as the secret; intent actions ACTIONS_SECRET.
 */
export const webhookCallbackBodySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('message'), userId: z.string(), conversationId: z.string(), message: messageSchema.meta({ id: 'Message' }) }),
    z.object({ type: z.literal('status'), userId: z.string(), conversationId: z.string(), state: conversationStateSchema, agentName: z.string().optional() }),
  ])
  .meta({ id: 'WebhookCallback' });
export type WebhookCallbackBody = z.infer<typeof webhookCallbackBodySchema>;

/** What an intent action of type `http` is POSTed (PROTOCOL.md "Intent actions"). */
export const intentActionCallSchema = z
  .object({
    intent: z.string(),
    entities: z.record(z.string(), z.unknown()),
    text: z.string(),
    locale: z.string(),
    conversationId: z.string(),
    customer: z.object({
      /** null only on the console's test call, which has no customer. */
      id: z.string().nullable(),
      externalId: z.string().optional(),
      name: z.string().optional(),
      segment: z.string().optional(),
      churnRisk: z.number().optional(),
    }),
  })
  .meta({ id: 'IntentActionCall' });
export type IntentActionCall = z.infer<typeof intentActionCallSchema>;

/**
 * The action server's answer, within its timeout: the very schema the bot validates with, so the OpenAPI document
 * says what is enforced. Unknown keys are ignored (lenient with what others send); anything else gives the
 * intent's fallback reply.
 */
export const intentActionReplySchema = z
  .object({
    text: z.string().trim().min(1).max(4000).optional(),
    suggestions: z.array(z.object({ label: z.string().trim().min(1).max(200), text: z.string().trim().min(1).max(500) })).max(10).optional(),
    handoff: z.boolean().optional(),
  })
  .refine((a) => a.text !== undefined || a.handoff === true || (a.suggestions?.length ?? 0) > 0, 'The answer has no text, suggestions or handoff')
  .meta({ id: 'IntentActionReply' });
export type IntentActionReply = z.infer<typeof intentActionReplySchema>;
