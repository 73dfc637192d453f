import type { Socket } from 'socket.io-client';
import type { Emitter } from './emitter.js';
import type { Outbox } from './outbox.js';
import type { RetryTimers } from './retry-timers.js';
import type { TokenStore } from './storage.js';
import type { Identity } from './types.js';
import type { ViewStore } from './view-store.js';

/**
 * What the controller's parts share: one view, one socket, one outbox. Socket and
 * identity change over time, so the parts read them here rather than keep copies.
 */
export interface WidgetContext {
  readonly url: string;
  readonly view: ViewStore;
  readonly events: Emitter;
  readonly tokens: TokenStore;
  readonly outbox: Outbox;
  readonly timers: RetryTimers;
  socket: Socket | null;
  identity: Identity | null;
  /** BCP 47 tag sent in the handshake so the bot and agents know the customer's language. */
  readonly locale?: string;
}

/** The handshake auth: the stored visitor token and, once the host page identified the user, that identity. */
export function authPayload(ctx: WidgetContext): Record<string, unknown> {
  const token = ctx.tokens.get();
  return {
    ...(token ? { visitorToken: token } : {}),
    ...(ctx.identity ? { identity: ctx.identity } : {}),
    ...(ctx.locale ? { locale: ctx.locale } : {}),
  };
}
