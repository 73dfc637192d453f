import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { languageSchema, type Language } from '../text/language.js';

export const authorSchema = z.enum(['customer', 'bot', 'agent', 'system']);
export type Author = z.infer<typeof authorSchema>;

export const suggestionSchema = z.object({ label: z.string(), text: z.string() });
export type Suggestion = z.infer<typeof suggestionSchema>;

/** Exactly the PROTOCOL.md Message, plus server-side fields clients ignore. */
export const messageSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  author: authorSchema,
  text: z.string(),
  createdAt: isoDateSchema,
  agentName: z.string().optional(),
  suggestions: z.array(suggestionSchema).optional(),
  /** For bot/agent replies: the customer message that caused them (webhook duplicates return these). */
  inReplyTo: z.string().optional(),
  /** Language the text is written in (core/text/language.ts); absent on messages stored before it was detected. */
  language: languageSchema.optional(),
});
export type Message = z.infer<typeof messageSchema>;

export interface NewMessage {
  conversationId: string;
  author: Author;
  text: string;
  agentName?: string;
  suggestions?: Suggestion[];
  inReplyTo?: string;
  language?: Language;
  /**
   * Idempotency key: `clientMessageId` is unique per sender. `senderKey` names
   * the sender (`customer:<id>`, `agent:<id>`, `webhook:<userId>`).
   */
  idempotency?: { senderKey: string; clientMessageId: string };
}

export interface AppendResult {
  message: Message;
  duplicate: boolean;
}

/** Wire form: strips server-only fields. */
export function toWireMessage(m: Message): Message {
  const { inReplyTo: _ignored, ...wire } = m;
  return wire;
}
