import { z } from 'zod';
import { clientMessageIdSchema, textSchema } from '../schemas/common.js';
import { localeSchema } from '../text/language.js';

/** /widget namespace: client -> server payloads (strict in). */
export const widgetAuthSchema = z.strictObject({
  visitorToken: z.string().min(1).max(200).optional(),
  identity: z
    .strictObject({
      userId: z.string().min(1).max(200),
      email: z.string().email().max(320).optional(),
      name: z.string().min(1).max(200).optional(),
      hmac: z.string().regex(/^[0-9a-f]{64}$/i, 'hex HMAC-SHA256'),
    })
    .optional(),
  /** The customer's locale (v1 addition): `data-parley-locale` on the script tag, else navigator.language. */
  locale: localeSchema.optional(),
});
export type WidgetAuth = z.infer<typeof widgetAuthSchema>;

export const widgetMessageSchema = z.strictObject({ clientMessageId: clientMessageIdSchema, text: textSchema });
export const widgetEscalateSchema = z.strictObject({ reason: z.string().max(500).optional() }).optional();
export const widgetTypingSchema = z.strictObject({ typing: z.boolean() });
export const widgetCsatSchema = z.strictObject({
  conversationId: z.string().min(1).max(128),
  score: z.number().int().min(1).max(5),
  comment: z.string().max(1000).optional(),
});

export const WIDGET_NAMESPACE = '/widget';
export const widgetEvents = {
  session: 'session',
  message: 'message',
  status: 'status',
  typing: 'typing',
  csatRequest: 'csat:request',
  escalate: 'escalate',
  csat: 'csat',
} as const;
