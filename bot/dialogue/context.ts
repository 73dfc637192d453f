import type { Logger as CoreLogger } from '../../core/index.js';
import { isParleyError, ParleyError, replyLanguage } from '../../core/index.js';
import { repliesFor, type Replies } from '../policy/replies.js';
import type {
  Clock,
  Conversation,
  ConversationEvent,
  ConversationPatch,
  ConversationEvents,
  FaqRetriever,
  Intent,
  Language,
  Message,
  NewMessage,
  Stores,
  TransitionInput,
  Understander,
} from '../../core/index.js';
import type { PolicyConfig } from '../policy/decide.js';
import type { SlotReader } from '../../nlu/index.js';
import type { KeyedSerial } from './keyed-serial.js';
import type { ActionRunner } from '../actions/action-runner.js';
import type { CustomerPriority } from '../customer/priority.js';
import type { ProfileValues } from '../policy/template.js';

/** The shared logger type (core/ports/logger.ts). */
export type Logger = CoreLogger;

/** Everything the dialogue pieces share; built once by createDialogue. */
export interface DialogueContext {
  stores: Stores;
  nlu: Understander;
  knowledge: FaqRetriever;
  policy: PolicyConfig;
  clock: Clock;
  logger: Logger;
  events: ConversationEvents;
  /** Per-conversation serial queue: turns and escalations of one conversation never overlap. */
  turns: KeyedSerial;
  /** Per-customer lock: finding/creating the open conversation and appending stay atomic per customer. */
  customers: KeyedSerial;
  intentByName(name: string): Promise<Intent | null>;
  /** Reads the answer to a slot question for the slot's entity (nlu/). */
  slots: SlotReader;
  /** Intent actions (bot/actions); absent = intents answer with their own text. */
  actions?: ActionRunner;
  /** High-value / at-risk customers (queue order, sooner handoff, retention offer). */
  priority?: CustomerPriority;
  /** Profile fields for reply templates (`{{customer.name}}`). */
  profile?: (customerId: string, language: Language) => Promise<ProfileValues>;
}

export const nowIso = (ctx: DialogueContext): string => ctx.clock.now().toISOString();

/** The customer's open conversation, or a new one on the given channel (caller holds the customer lock). */
export async function openConversation(ctx: DialogueContext, customerId: string, channel: Conversation['channel']): Promise<Conversation> {
  const open = await ctx.stores.conversations.findOpen(customerId);
  if (open) return open;
  const created = await ctx.stores.conversations.create({ customerId, channel });
  // A derived counter: a store failing here must not refuse a message whose conversation now exists.
  await ctx.stores.customers.recordActivity(customerId, { conversations: 1, seenAt: nowIso(ctx) }).catch((err: unknown) => {
    if (!isParleyError(err) || err.code !== 'ERR_STORE_UNAVAILABLE') throw err;
    ctx.logger.warn({ err, customerId }, 'conversation counter not recorded');
  });
  return created;
}

/**
 * Keeps the conversation's language (of the last message with words in it) and the customer's locale
 * current; written only when one of them changes, so most messages cost no extra store write.
 */
export async function noteLanguage(ctx: DialogueContext, conv: Conversation, language: Language | undefined, locale: string | undefined): Promise<Conversation> {
  const patch: ConversationPatch = {};
  if (language && language !== 'und' && language !== conv.language) patch.language = language;
  if (locale && locale !== conv.locale) patch.locale = locale;
  if (Object.keys(patch).length === 0) return conv;
  return ctx.stores.conversations.update(conv.id, patch);
}

/** The language the bot speaks in a conversation: the customer's last language, else their locale's. */
export function conversationLanguage(conv: Pick<Conversation, 'language' | 'locale'>): Language {
  return replyLanguage('und', conv.language, conv.locale);
}

export async function getConversation(ctx: DialogueContext, id: string): Promise<Conversation> {
  const conv = await ctx.stores.conversations.get(id);
  if (!conv) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { conversationId: id });
  return conv;
}

/**
 * Stores a message and announces it. `summary` keeps the inbox's lastMessage
 * current for chat lines; system notices do not replace it.
 */
export async function postMessage(ctx: DialogueContext, conv: Conversation, input: Omit<NewMessage, 'conversationId'>, summary = input.author !== 'system'): Promise<{ message: Message; duplicate: boolean }> {
  const result = await ctx.stores.conversations.appendMessage({ ...input, conversationId: conv.id });
  if (result.duplicate) return result;
  let current = conv;
  if (summary) {
    const m = result.message;
    current = await ctx.stores.conversations.update(conv.id, { lastMessage: { author: m.author, text: m.text, createdAt: m.createdAt } });
  }
  ctx.events.emit('message', { conversation: current, message: result.message });
  return result;
}

/** Applies a state-machine move, emits `status`, then posts the system notice that explains it. */
export async function transitionAndAnnounce(
  ctx: DialogueContext,
  conversationId: string,
  input: Omit<TransitionInput, 'at'>,
  notice: (r: Replies) => string,
  inReplyTo?: string,
): Promise<{ conversation: Conversation; event: ConversationEvent; message: Message }> {
  const result = await ctx.stores.conversations.transition(conversationId, { ...input, at: nowIso(ctx) });
  ctx.events.emit('status', result);
  const text = notice(repliesFor(conversationLanguage(result.conversation)));
  const { message } = await postMessage(ctx, result.conversation, { author: 'system', text, ...(inReplyTo ? { inReplyTo } : {}) });
  return { ...result, message };
}
