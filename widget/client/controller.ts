import { io, type Socket } from 'socket.io-client';
import { Emitter } from './emitter.js';
import { Outbox } from './outbox.js';
import type { TokenStore } from './storage.js';
import { applyAccepted, applyDisconnect, applyMessage, applySession, applyStatus, applyTyping, replaceItem, initialState } from './state.js';
import type { Ack, ErrorShape, Identity, Message, SessionPayload, StatusPayload, TypingPayload, ViewState } from './types.js';

const ACK_TIMEOUT_MS = 10_000;
const RETRY_MS = 3_000;
const TYPING_IDLE_MS = 3_000;
const MAX_CODE_POINTS = 4000;

function newClientMessageId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/**
 * Everything the widget does apart from drawing: the socket, the session, the
 * outbox of unacknowledged messages and the view state the UI renders.
 */
export class WidgetController {
  state: ViewState = initialState();
  readonly events = new Emitter();
  private socket: Socket | null = null;
  private identity: Identity | null = null;
  private readonly outbox = new Outbox();
  private readonly subscribers = new Set<() => void>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly retryMs: number;

  constructor(
    private readonly url: string,
    private readonly tokens: TokenStore,
    opts: { retryMs?: number } = {},
  ) {
    this.retryMs = opts.retryMs ?? RETRY_MS;
  }

  /** Returning visitors reconnect at once (unread replies, CSAT); new ones only when they open the chat. */
  start(): void {
    if (this.tokens.get()) this.connect();
  }

  subscribe(fn: () => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  open(): void {
    this.set({ open: true, unread: 0 });
    this.connect();
    this.events.emit('open');
  }

  close(): void {
    this.set({ open: false });
    this.events.emit('close');
  }

  identify(identity: Identity): void {
    this.identity = identity;
    if (!this.socket) return this.connect();
    // Reconnect so the server verifies the identity and merges this visitor into it.
    this.socket.auth = this.auth();
    this.socket.disconnect().connect();
  }

  send(raw: string): boolean {
    const text = raw.trim();
    if (!text) return false;
    if ([...text].length > MAX_CODE_POINTS) {
      this.set({ notice: `Messages can be at most ${MAX_CODE_POINTS} characters.` });
      return false;
    }
    const key = newClientMessageId();
    this.outbox.add(key, text);
    const item = { key, author: 'customer' as const, text, createdAt: new Date().toISOString(), delivery: 'queued' as const };
    this.set({ items: [...this.state.items, item], notice: null, csat: this.state.csat === 'pending' ? 'none' : this.state.csat });
    this.connect();
    this.flush();
    return true;
  }

  /** A refused message can be sent again by the customer, with the same clientMessageId. */
  retry(key: string): void {
    const item = this.state.items.find((i) => i.key === key);
    if (!item || item.delivery !== 'failed') return;
    this.outbox.add(key, item.text);
    this.set({ items: replaceItem(this.state.items, key, { delivery: 'queued', errorCode: undefined }) });
    this.flush();
  }

  escalate(): void {
    this.connect();
    this.request<{ conversationId: string; state: StatusPayload['state'] }>('escalate', {}, (res) => {
      if (res.ok) this.set({ ...applyStatus(this.state, { conversationId: res.conversationId, state: res.state }), notice: null });
      else this.set({ notice: res.error.message });
    });
  }

  rate(score: number, comment?: string): void {
    const conv = this.state.conversation;
    if (!conv) return;
    this.set({ csat: 'sending' });
    const payload = comment ? { conversationId: conv.id, score, comment } : { conversationId: conv.id, score };
    this.request('csat', payload, (res) => {
      const given = res.ok || res.error.code === 'ERR_CSAT_ALREADY_GIVEN';
      this.set({ csat: given ? 'done' : 'pending', notice: given ? null : res.error.message });
    });
  }

  /** Customer typing, throttled: one `true` per burst of keystrokes, `false` after 3 s of silence. */
  typing(): void {
    if (!this.socket?.connected || !this.state.conversation || this.state.conversation.state === 'closed') return;
    if (!this.typingTimer) this.socket.emit('typing', { typing: true });
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.typingTimer = undefined;
      this.socket?.emit('typing', { typing: false });
    }, TYPING_IDLE_MS);
  }

  /**
   * The browser's network signal: socket.io only notices a dead link after its ping
   * timeout, so show the offline state (and hold the outbox) at once.
   */
  network(online: boolean): void {
    if (!this.socket) return;
    if (!online) return this.set({ connection: 'reconnecting' });
    if (this.socket.connected) {
      this.set({ connection: 'online' });
      this.flush();
    } else if (!this.socket.active) this.socket.connect();
  }

  private set(patch: Partial<ViewState>): void {
    this.state = { ...this.state, ...patch };
    this.subscribers.forEach((fn) => fn());
  }

  private auth(): Record<string, unknown> {
    const token = this.tokens.get();
    return { ...(token ? { visitorToken: token } : {}), ...(this.identity ? { identity: this.identity } : {}) };
  }

  private connect(): void {
    if (this.socket) return;
    this.set({ connection: 'connecting' });
    const socket = io(`${this.url}/widget`, { auth: this.auth() });
    this.socket = socket;
    socket.on('session', (s: SessionPayload) => this.onSession(s));
    socket.on('message', (m: Message) => this.onMessage(m));
    socket.on('status', (s: StatusPayload) => {
      this.set(applyStatus(this.state, s));
      this.events.emit('status', s);
    });
    socket.on('typing', (t: TypingPayload) => this.set(applyTyping(this.state, t)));
    socket.on('csat:request', ({ conversationId }: { conversationId: string }) => {
      if (this.state.conversation && this.state.conversation.id !== conversationId) return;
      this.set({ conversation: { id: conversationId, state: 'closed', csatPending: true }, csat: 'pending', typing: null });
    });
    socket.on('disconnect', (reason) => {
      this.outbox.resetInFlight();
      this.set(applyDisconnect(this.state));
      // The server closed us on purpose (restart, kick): socket.io does not reconnect by itself then.
      if (reason === 'io server disconnect') this.later(() => socket.connect());
    });
    socket.on('connect_error', (err: Error & { data?: { error?: ErrorShape } }) => {
      if (socket.active) return this.set({ connection: 'reconnecting' }); // transport trouble: socket.io retries
      const code = err.data?.error?.code ?? err.message;
      this.events.emit('error', { code, message: err.data?.error?.message ?? err.message });
      if (code === 'ERR_AUTH_IDENTITY') this.identity = null; // continue anonymously
      if (code === 'ERR_VALIDATION' && this.tokens.get()) this.tokens.set(''); // a stored token we cannot use
      socket.auth = this.auth();
      this.set({ connection: 'reconnecting' });
      this.later(() => socket.connect());
    });
  }

  private onSession(s: SessionPayload): void {
    this.tokens.set(s.visitorToken);
    if (this.socket) this.socket.auth = this.auth();
    this.set(applySession(this.state, s));
    this.events.emit('session', { customerId: s.customerId, conversation: s.conversation });
    this.flush();
  }

  private onMessage(m: Message): void {
    if (this.state.items.some((i) => i.id === m.id)) return;
    this.set({ ...applyMessage(this.state, m), unread: this.state.open ? 0 : this.state.unread + 1 });
    this.events.emit('message', m);
  }

  private flush(): void {
    if (this.state.connection !== 'online' || !this.socket) return;
    const entry = this.outbox.next();
    if (!entry) return;
    const attempt = this.outbox.begin(entry);
    const { clientMessageId, text } = entry;
    this.set({ items: replaceItem(this.state.items, clientMessageId, { delivery: 'sending' }) });
    type Sent = { messageId: string; conversationId: string; duplicate: boolean };
    this.socket.timeout(ACK_TIMEOUT_MS).emit('message', { clientMessageId, text }, (err: Error | null, res: Ack<Sent>) => {
      if (!this.outbox.settle(clientMessageId, attempt)) return; // an older attempt answering late
      if (err) return this.requeue(clientMessageId);
      if (!res.ok && res.error.code === 'ERR_RATE_LIMITED') return this.requeue(clientMessageId);
      if (!res.ok) {
        this.outbox.remove(clientMessageId);
        this.set({ items: replaceItem(this.state.items, clientMessageId, { delivery: 'failed', errorCode: res.error.code }), notice: res.error.message });
      } else {
        this.outbox.remove(clientMessageId);
        this.set(applyAccepted(this.state, clientMessageId, res));
      }
      this.flush();
    });
  }

  private requeue(key: string): void {
    this.set({ items: replaceItem(this.state.items, key, { delivery: 'queued' }) });
    this.later(() => this.flush());
  }

  private request<T>(event: string, payload: unknown, done: (res: Ack<T>) => void): void {
    const fail = (message: string): void => done({ ok: false, error: { code: 'ERR_UNAVAILABLE', message } });
    if (!this.socket?.connected) return fail('You are offline, try again in a moment.');
    this.socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (err: Error | null, res: Ack<T>) =>
      err ? fail('No answer from the server, try again.') : done(res),
    );
  }

  private later(fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, this.retryMs);
    this.timers.add(t);
  }

  /** Tests and host pages tearing the widget down. */
  destroy(): void {
    this.timers.forEach((t) => clearTimeout(t));
    clearTimeout(this.typingTimer);
    this.socket?.disconnect();
    this.socket = null;
  }
}
