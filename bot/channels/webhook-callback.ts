import { hmacHex, toWireMessage } from '../../core/index.js';
import type { Conversation, ConversationEvents, Message, Stores, WebhookCallbackBody } from '../../core/index.js';
import type { Logger } from '../dialogue/context.js';
import { KeyedSerial } from '../dialogue/keyed-serial.js';

export interface WebhookCallbackOptions {
  events: ConversationEvents;
  stores: Stores;
  url: string;
  /** The API key: signs each body (`X-Parley-Signature` = hex HMAC-SHA256). */
  secret: string;
  logger?: Logger;
  /** Delays between attempts (ms); default 200, 1000, 3000. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

/** The schema lives in core/protocol (the OpenAPI document shows it as a webhook). */
export type { WebhookCallbackBody } from '../../core/index.js';

/** Messages the integration did not already get in the HTTP response of a customer turn. */
export function isOutOfTurn(message: Message): boolean {
  return message.author === 'agent' || (message.author === 'system' && message.inReplyTo === undefined);
}

/**
 * Pushes agent replies and status changes of webhook conversations to the integration.
 * Posts of one conversation go out one at a time so the receiver sees them in order.
 */
export function startWebhookCallbacks(opts: WebhookCallbackOptions): () => void {
  const outbox = new KeyedSerial();
  const delays = opts.retryDelaysMs ?? [200, 1000, 3000];
  const timeoutMs = opts.timeoutMs ?? 5000;

  async function post(body: WebhookCallbackBody): Promise<void> {
    const json = JSON.stringify(body);
    const headers = { 'content-type': 'application/json', 'x-parley-signature': hmacHex(opts.secret, json) };
    for (let attempt = 0; ; attempt++) {
      let reason: string;
      try {
        const res = await fetch(opts.url, { method: 'POST', headers, body: json, signal: AbortSignal.timeout(timeoutMs) });
        if (res.ok) return;
        reason = `HTTP ${res.status}`;
        // 4xx other than 408/429 will not get better by retrying.
        if (res.status < 500 && res.status !== 408 && res.status !== 429) break;
      } catch (err) {
        reason = err instanceof Error ? err.message : String(err);
      }
      const delay = delays[attempt];
      if (delay === undefined) {
        opts.logger?.warn({ conversationId: body.conversationId, type: body.type, reason, attempts: attempt + 1 }, 'webhook callback failed');
        return;
      }
      // unref: a pending retry must not hold a shutting-down process open.
      await new Promise((r) => setTimeout(r, delay).unref());
    }
    opts.logger?.warn({ conversationId: body.conversationId, type: body.type }, 'webhook callback rejected by receiver');
  }

  async function userIdOf(conv: Conversation): Promise<string | null> {
    const customer = await opts.stores.customers.get(conv.customerId);
    const ext = customer?.externalId;
    return ext?.startsWith('webhook:') ? ext.slice('webhook:'.length) : null;
  }

  function enqueue(conv: Conversation, build: (userId: string) => WebhookCallbackBody): void {
    if (conv.channel !== 'webhook') return;
    void outbox
      .run(conv.id, async () => {
        const userId = await userIdOf(conv);
        if (userId !== null) await post(build(userId));
      })
      .catch((err: unknown) => opts.logger?.error({ err, conversationId: conv.id }, 'webhook callback crashed'));
  }

  const offMessage = opts.events.on('message', ({ conversation, message }) => {
    if (isOutOfTurn(message)) enqueue(conversation, (userId) => ({ type: 'message', userId, conversationId: conversation.id, message: toWireMessage(message) }));
  });
  const offStatus = opts.events.on('status', ({ conversation }) => {
    enqueue(conversation, (userId) => ({
      type: 'status',
      userId,
      conversationId: conversation.id,
      state: conversation.state,
      ...(conversation.assignee ? { agentName: conversation.assignee.name } : {}),
    }));
  });
  return () => {
    offMessage();
    offStatus();
  };
}
