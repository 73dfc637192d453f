import { z } from 'zod';
import { idSchema, isoDateSchema } from './common.js';
import { ParleyError } from '../errors.js';
import { dialogueStateSchema } from './dialogue.js';
import { languageSchema, localeSchema } from '../text/language.js';

export const conversationStateSchema = z.enum(['bot', 'queued', 'agent', 'closed']);
export type ConversationState = z.infer<typeof conversationStateSchema>;

export const channelSchema = z.enum(['widget', 'webhook', 'botframework']);
export type ChannelName = z.infer<typeof channelSchema>;

export const assigneeSchema = z.object({ id: z.string(), name: z.string() });
export type Assignee = z.infer<typeof assigneeSchema>;

export const csatSchema = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(1000).optional(),
  at: isoDateSchema,
});
export type Csat = z.infer<typeof csatSchema>;

export const conversationSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  channel: channelSchema,
  state: conversationStateSchema,
  assignee: assigneeSchema.nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  closedAt: isoDateSchema.nullable(),
  /** Set when the conversation entered `queued`; cleared when claimed. */
  waitingSince: isoDateSchema.nullable(),
  /** Set when an agent first claimed it (first-response/handling time analytics). */
  firstClaimedAt: isoDateSchema.nullable(),
  csat: csatSchema.nullable(),
  lastMessage: z
    .object({ author: z.enum(['customer', 'bot', 'agent', 'system']), text: z.string(), createdAt: isoDateSchema })
    .nullable(),
  lastIntent: z.string().nullable(),
  lastSentiment: z.number().nullable(),
  /** Policy counters: consecutive fallbacks and negative-sentiment streak. */
  consecutiveFallbacks: z.number().int().nonnegative(),
  negativeStreak: z.number().int().nonnegative(),
  /** True once it was ever escalated (automation-rate analytics). */
  escalated: z.boolean(),
  /** The bot's memory between turns (open form, last topic); absent or null when there is none. */
  dialogue: dialogueStateSchema.nullable().optional(),
  /** Language of the customer's last message with words in it (digits or emoji alone do not change it). */
  language: languageSchema.optional(),
  /** The customer's locale as the channel reported it (widget: data-parley-locale or navigator.language). */
  locale: localeSchema.optional(),
  /** Updated on each save; stores use it for optimistic concurrency. */
  version: z.number().int().nonnegative(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export interface NewConversation {
  customerId: string;
  channel: ChannelName;
}

export type ConversationPatch = Partial<
  Pick<Conversation, 'lastMessage' | 'lastIntent' | 'lastSentiment' | 'consecutiveFallbacks' | 'negativeStreak' | 'dialogue' | 'language' | 'locale'>
>;

export const transitionEventSchema = z.enum(['escalate', 'claim', 'release', 'close']);
export type TransitionEvent = z.infer<typeof transitionEventSchema>;

export const actorSchema = z.object({
  kind: z.enum(['customer', 'bot', 'agent', 'system']),
  id: z.string().optional(),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const conversationEventSchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  event: transitionEventSchema,
  from: conversationStateSchema,
  to: conversationStateSchema,
  actor: actorSchema,
  reason: z.string().optional(),
  at: isoDateSchema,
});
export type ConversationEvent = z.infer<typeof conversationEventSchema>;

/** The whole handoff state machine. */
const transitions: Record<TransitionEvent, { from: ConversationState[]; to: ConversationState }> = {
  escalate: { from: ['bot'], to: 'queued' },
  claim: { from: ['bot', 'queued'], to: 'agent' },
  release: { from: ['agent'], to: 'bot' },
  close: { from: ['bot', 'queued', 'agent'], to: 'closed' },
};

export interface TransitionInput {
  event: TransitionEvent;
  actor: Actor;
  /** Required for `claim`. */
  assignee?: Assignee;
  reason?: string;
  at: string;
}

/**
 * Pure transition: returns the next conversation or throws the protocol error.
 * Stores apply it with compare-and-set on `version` so concurrent moves race safely.
 */
export function applyTransition(conv: Conversation, input: TransitionInput): Conversation {
  const rule = transitions[input.event];
  if (input.event === 'claim' && conv.state === 'agent') {
    throw new ParleyError('ERR_CONVERSATION_ALREADY_CLAIMED', { conversationId: conv.id });
  }
  if (!rule.from.includes(conv.state)) {
    throw new ParleyError('ERR_CONVERSATION_ILLEGAL_TRANSITION', {
      conversationId: conv.id,
      from: conv.state,
      event: input.event,
    });
  }
  if (input.event === 'claim' && !input.assignee) throw new Error('claim needs an assignee');
  const next: Conversation = { ...conv, state: rule.to, updatedAt: input.at, version: conv.version + 1 };
  switch (input.event) {
    case 'escalate':
      return { ...next, waitingSince: input.at, escalated: true, consecutiveFallbacks: 0, negativeStreak: 0 };
    case 'claim':
      return {
        ...next,
        assignee: input.assignee ?? null,
        waitingSince: null,
        firstClaimedAt: conv.firstClaimedAt ?? input.at,
      };
    case 'release':
      return { ...next, assignee: null, consecutiveFallbacks: 0, negativeStreak: 0 };
    case 'close':
      return { ...next, closedAt: input.at, waitingSince: null };
  }
}

export function canTransition(state: ConversationState, event: TransitionEvent): boolean {
  return transitions[event].from.includes(state);
}
