import { z } from 'zod';
import { clientMessageIdSchema, textSchema, wellFormedString } from '../schemas/common.js';

/**
 * What a full identity hmac signs: `userId`, `email` and `name` joined by newlines (absent = empty), so the host's
 * backend can vouch for the profile fields too. An hmac of `userId` alone still identifies, but then email and name
 * are not trusted and never written. Newlines are refused inside the fields, so the joined form is unambiguous.
 */
export function identityClaimsPayload(claims: { userId: string; email?: string; name?: string }): string {
  return [claims.userId, claims.email ?? '', claims.name ?? ''].join('\n');
}
const noNewline = (s: string): boolean => !/[\r\n]/.test(s);
import { localeSchema } from '../text/language.js';

/** /widget namespace: client -> server payloads (strict in). */
export const widgetAuthSchema = z.strictObject({
  visitorToken: z.string().min(1).max(200).optional(),
  identity: z
    .strictObject({
      userId: wellFormedString().pipe(z.string().min(1).max(200)).refine(noNewline, 'must not contain line breaks'),
      email: z.string().email().max(320).optional(),
      name: wellFormedString().pipe(z.string().min(1).max(200)).refine(noNewline, 'must not contain line breaks').optional(),
      // Any string up to a sane length: a malformed hmac is an identity failure (ERR_AUTH_IDENTITY), not a schema one.
      hmac: z.string().max(256),
    })
    .optional(),
  /** The customer's locale (v1 addition): `data-parley-locale` on the script tag, else navigator.language. */
  locale: localeSchema.optional(),
});
export type WidgetAuth = z.infer<typeof widgetAuthSchema>;

export const widgetMessageSchema = z.strictObject({ clientMessageId: clientMessageIdSchema, text: textSchema });
export const widgetEscalateSchema = z.strictObject({ reason: wellFormedString().pipe(z.string().max(500)).optional() }).optional();
export const widgetTypingSchema = z.strictObject({ typing: z.boolean() });
export const widgetCsatSchema = z.strictObject({
  conversationId: z.string().min(1).max(128),
  score: z.number().int().min(1).max(5),
  comment: wellFormedString().pipe(z.string().max(1000)).optional(),
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
