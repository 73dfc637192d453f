import type { DialogueTopic } from '../../core/index.js';

/** A topic older than this no longer explains a pronoun. */
export const TOPIC_TTL_MS = 30 * 60_000;

/** Short messages that lean on something said before: "how long does it take?", "is that free?". */
const ANAPHORA = /\b(?:it|that|this|they|them|those|these)\b/i;
const MAX_WORDS = 8;

export function isFollowUp(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}']+/gu) ?? [];
  return words.length > 0 && words.length <= MAX_WORDS && ANAPHORA.test(text);
}

/**
 * The follow-up read together with the words of the last topic ("how long does it take? refund"):
 * the same NLU and FAQ retrieval then answer it about that topic. Null when there is no usable topic.
 */
export function inContext(text: string, topic: DialogueTopic | null, now: Date): string | null {
  if (!topic || !topic.label || now.getTime() - Date.parse(topic.at) > TOPIC_TTL_MS || !isFollowUp(text)) return null;
  return `${text} ${topic.label}`;
}
