import { performance } from 'node:perf_hooks';
import { ConversationEvents, detectLanguage, parseOrThrow, systemClock, textSchema } from '../../core/index.js';
import type { Clock, DialogueApi, FaqRetriever, HandleResult, InboundMessage, Intent, Message, Recommendations, Stores, Understander } from '../../core/index.js';
import type { PolicyConfig } from '../policy/decide.js';
import { KeyedSerial } from './keyed-serial.js';
import { type DialogueContext, type Logger, noteLanguage, openConversation } from './context.js';
import { runTurn } from './turn.js';
import { agentMessage, claim, close, escalate, release, typing } from './handoff.js';
import { submitCsat } from './csat.js';
import { createSlotReader } from '../../nlu/index.js';
import type { ActionRunner } from '../actions/action-runner.js';
import { loadProfile } from '../customer/profile.js';
import { createCustomerPriority, type CustomerPriority } from '../customer/priority.js';

export interface DialogueDeps {
  stores: Stores;
  nlu: Understander;
  knowledge: FaqRetriever;
  policy: PolicyConfig;
  clock?: Clock;
  logger?: Logger;
  /** Intent definitions (answers, escalate flags); defaults to `stores.intents`. */
  intents?: () => Promise<Intent[]>;
  /** Share an emitter with the channels; a fresh one by default. */
  events?: ConversationEvents;
  /** Intent actions (`createActionRunner`); without it an intent with an action answers with its own text. */
  actions?: ActionRunner;
  /** Who comes first (default: from the stores' CRM insights and the console's priority setting). */
  priority?: CustomerPriority;
}

const afterAcks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const consoleLogger: Logger = {
  info: () => undefined,
  warn: (obj, msg) => console.warn(msg ?? 'warning', obj),
  error: (obj, msg) => console.error(msg ?? 'error', obj),
};

/** The dialogue manager: one brain behind every channel (STYLE.md §1). */
export function createDialogue(deps: DialogueDeps): DialogueApi {
  const clock = deps.clock ?? systemClock;
  const ctx: DialogueContext = {
    stores: deps.stores,
    nlu: deps.nlu,
    knowledge: deps.knowledge,
    policy: deps.policy,
    clock,
    slots: createSlotReader(() => clock.now()),
    ...(deps.actions ? { actions: deps.actions } : {}),
    profile: (customerId, language) => loadProfile(deps.stores, customerId, language),
    priority: deps.priority ?? createCustomerPriority(deps.stores),
    logger: deps.logger ?? consoleLogger,
    events: deps.events ?? new ConversationEvents(),
    turns: new KeyedSerial(),
    customers: new KeyedSerial(),
    intentByName: deps.intents
      ? async (name) => (await deps.intents!()).find((i) => i.name === name) ?? null
      : (name) => deps.stores.intents.getIntent(name),
  };
  /** Turns still running, by customer message id: a retry during processing waits for the real replies. */
  const inflight = new Map<string, Promise<Message[]>>();

  async function handle(inbound: InboundMessage): Promise<HandleResult> {
    const receivedAt = performance.now();
    // Channels validate too; this keeps the PROTOCOL.md text rule true for every caller (nothing stored when invalid).
    const text = parseOrThrow(textSchema, inbound.text);
    return ctx.customers.run(inbound.customerId, async () => {
      // No open conversation: this may be a retry of a message whose conversation has closed since. Answer it as the
      // duplicate it is instead of opening an empty conversation (only then: with one open, appendMessage dedupes).
      if (!(await ctx.stores.conversations.findOpen(inbound.customerId))) {
        const prior = await ctx.stores.conversations.findByIdempotency({ senderKey: inbound.senderKey, clientMessageId: inbound.clientMessageId });
        if (prior) return { message: prior, conversationId: prior.conversationId, duplicate: true, processed: inflight.get(prior.id) ?? ctx.stores.conversations.listReplies(prior.id) };
      }
      const opened = await openConversation(ctx, inbound.customerId, inbound.channel);
      const language = detectLanguage(text);
      // Every write of the message's half of the turn happens before the message is stored, and nothing that can fail
      // after it: a store failing mid-way refuses the message (ERR_STORE_UNAVAILABLE, nothing stored, the retry runs
      // a full turn) instead of storing a message whose turn never runs (its retry would be answered as a duplicate).
      const conv = await noteLanguage(ctx, opened, language, inbound.locale);
      const { message, duplicate } = await ctx.stores.conversations.appendMessage({
        conversationId: conv.id,
        author: 'customer',
        text,
        language,
        idempotency: { senderKey: inbound.senderKey, clientMessageId: inbound.clientMessageId },
      });
      if (duplicate) {
        const processed = inflight.get(message.id) ?? ctx.stores.conversations.listReplies(message.id);
        return { message, conversationId: message.conversationId, duplicate: true, processed };
      }
      ctx.events.emit('message', { conversation: conv, message });
      // Enqueued while we still hold the customer lock, so turns run in the order messages were stored.
      const turn = { conversationId: conv.id, customerId: inbound.customerId, channel: conv.channel, message, receivedAt };
      // The turn starts in a later macrotask: every message stored in this loop turn is acknowledged
      // (its ack written to the socket) before the bot spends CPU on any of them.
      const processed = ctx.turns.run(conv.id, () => afterAcks().then(() => runTurn(ctx, turn))).catch(async (err: unknown) => {
        ctx.logger.error({ err, conversationId: conv.id, messageId: message.id }, 'turn failed');
        return ctx.stores.conversations.listReplies(message.id).catch(() => [] as Message[]);
      });
      inflight.set(message.id, processed);
      void processed.finally(() => inflight.delete(message.id));
      return { message, conversationId: conv.id, duplicate: false, processed };
    });
  }

  return {
    events: ctx.events,
    handle,
    escalate: (customerId, channel, reason) => escalate(ctx, customerId, channel, reason),
    claim: (conversationId, agent) => claim(ctx, conversationId, agent),
    release: (conversationId, actor, options) => release(ctx, conversationId, actor, options),
    close: (conversationId, actor, options) => close(ctx, conversationId, actor, options),
    agentMessage: (input) => agentMessage(ctx, input),
    submitCsat: (customerId, input) => submitCsat(ctx, customerId, input),
    typing: (conversationId, author, isTyping) => typing(ctx, conversationId, author, isTyping),
    drain: async () => {
      await ctx.customers.drain();
      await ctx.turns.drain();
    },
  };
}
