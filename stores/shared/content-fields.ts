import type { FaqEntry, Message, NewFaqEntry, NewMessage } from '../../core/index.js';
import { storeId } from './ids.js';

/** A stored message (same shape in every adapter); the id is taken from `now`, so ids follow call order. */
export function buildMessage(input: NewMessage, now = Date.now()): Message {
  return {
    id: storeId(now),
    conversationId: input.conversationId,
    author: input.author,
    text: input.text,
    createdAt: new Date(now).toISOString(),
    ...(input.agentName === undefined ? {} : { agentName: input.agentName }),
    ...(input.suggestions === undefined ? {} : { suggestions: input.suggestions }),
    ...(input.inReplyTo === undefined ? {} : { inReplyTo: input.inReplyTo }),
    ...(input.language === undefined ? {} : { language: input.language }),
  };
}

/** A new FAQ entry (same shape in every adapter); an import may bring its own id. */
export function buildFaqEntry(input: NewFaqEntry, now = Date.now()): FaqEntry {
  const at = new Date(now).toISOString();
  return {
    id: input.id ?? storeId(now),
    question: input.question,
    answer: input.answer,
    alternates: [...input.alternates],
    tags: [...input.tags],
    createdAt: at,
    updatedAt: at,
  };
}
