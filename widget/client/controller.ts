import { request } from './acked-request.js';
import { Emitter } from './emitter.js';
import { enqueueMessage, flush, retryFailed } from './message-delivery.js';
import { Outbox } from './outbox.js';
import { RetryTimers } from './retry-timers.js';
import { connectSocket } from './socket-events.js';
import { applyStatus } from './state.js';
import type { TokenStore } from './storage.js';
import type { Identity, StatusPayload, ViewState } from './types.js';
import { TypingSignal } from './typing-signal.js';
import { ViewStore } from './view-store.js';
import { authPayload, type WidgetContext } from './widget-context.js';
import { errorText } from './i18n/index.js';

const RETRY_MS = 3_000;

/**
 * Everything the widget does apart from drawing, as the UI and `window.Parley` call it.
 * The work lives beside it: socket-events.ts (server events), message-delivery.ts
 * (outbox sending and retries), typing-signal.ts, acked-request.ts, view-store.ts.
 */
export class WidgetController {
  readonly events = new Emitter();
  private readonly ctx: WidgetContext;
  private readonly typingSignal: TypingSignal;

  constructor(url: string, tokens: TokenStore, opts: { retryMs?: number; locale?: string } = {}) {
    this.ctx = {
      url,
      tokens,
      view: new ViewStore(),
      events: this.events,
      outbox: new Outbox(),
      timers: new RetryTimers(opts.retryMs ?? RETRY_MS),
      socket: null,
      identity: null,
      ...(opts.locale ? { locale: opts.locale } : {}),
    };
    this.typingSignal = new TypingSignal(this.ctx);
  }

  get state(): ViewState {
    return this.ctx.view.state;
  }

  /** Returning visitors reconnect at once (unread replies, CSAT); new ones only when they open the chat. */
  start(): void {
    if (this.ctx.tokens.get()) connectSocket(this.ctx);
  }

  subscribe(fn: () => void): () => void {
    return this.ctx.view.subscribe(fn);
  }

  open(): void {
    this.ctx.view.set({ open: true, unread: 0 });
    connectSocket(this.ctx);
    this.events.emit('open');
  }

  close(): void {
    this.ctx.view.set({ open: false });
    this.events.emit('close');
  }

  identify(identity: Identity): void {
    const { ctx } = this;
    ctx.identity = identity;
    if (!ctx.socket) return connectSocket(ctx);
    // Reconnect so the server verifies the identity and merges this visitor into it.
    ctx.socket.auth = authPayload(ctx);
    ctx.socket.disconnect().connect();
  }

  send(raw: string): boolean {
    if (!enqueueMessage(this.ctx, raw)) return false;
    connectSocket(this.ctx);
    flush(this.ctx);
    return true;
  }

  /** A refused message can be sent again by the customer, with the same clientMessageId. */
  retry(key: string): void {
    retryFailed(this.ctx, key);
  }

  escalate(): void {
    const { ctx } = this;
    connectSocket(ctx);
    request<{ conversationId: string; state: StatusPayload['state'] }>(ctx.socket, 'escalate', {}, (res) => {
      if (res.ok) ctx.view.set({ ...applyStatus(ctx.view.state, { conversationId: res.conversationId, state: res.state }), notice: null });
      else ctx.view.set({ notice: errorText(res.error) });
    });
  }

  rate(score: number, comment?: string): void {
    const { view } = this.ctx;
    const conv = view.state.conversation;
    if (!conv) return;
    view.set({ csat: 'sending' });
    const payload = comment ? { conversationId: conv.id, score, comment } : { conversationId: conv.id, score };
    request(this.ctx.socket, 'csat', payload, (res) => {
      const given = res.ok || res.error.code === 'ERR_CSAT_ALREADY_GIVEN';
      view.set({ csat: given ? 'done' : 'pending', notice: given ? null : errorText(res.error) });
    });
  }

  /** Customer typing, throttled: one `true` per burst of keystrokes, `false` after 3 s of silence. */
  typing(): void {
    this.typingSignal.keystroke();
  }

  /**
   * The browser's network signal: socket.io only notices a dead link after its ping
   * timeout, so show the offline state (and hold the outbox) at once.
   */
  network(online: boolean): void {
    const { socket, view } = this.ctx;
    if (!socket) return;
    if (!online) return view.set({ connection: 'reconnecting' });
    if (socket.connected) {
      view.set({ connection: 'online' });
      flush(this.ctx);
    } else if (!socket.active) socket.connect();
  }

  /** Tests and host pages tearing the widget down. */
  destroy(): void {
    this.ctx.timers.clear();
    this.typingSignal.stop();
    this.ctx.socket?.disconnect();
    this.ctx.socket = null;
  }
}
