import { io, type Socket } from 'socket.io-client';
import { flush } from './message-delivery.js';
import { applyDisconnect, applyMessage, applySession, applyStatus, applyTyping } from './state.js';
import type { ErrorShape, Message, SessionPayload, StatusPayload, TypingPayload } from './types.js';
import { authPayload, type WidgetContext } from './widget-context.js';

/** Opens the /widget socket once and turns each server event into a view change and a host-page event. */
export function connectSocket(ctx: WidgetContext): void {
  if (ctx.socket) return;
  const { view, events } = ctx;
  view.set({ connection: 'connecting' });
  const socket = io(`${ctx.url}/widget`, { auth: authPayload(ctx) });
  ctx.socket = socket;
  socket.on('session', (s: SessionPayload) => onSession(ctx, s));
  socket.on('message', (m: Message) => onMessage(ctx, m));
  socket.on('status', (s: StatusPayload) => {
    view.set(applyStatus(view.state, s));
    events.emit('status', s);
  });
  socket.on('typing', (t: TypingPayload) => view.set(applyTyping(view.state, t)));
  socket.on('csat:request', ({ conversationId }: { conversationId: string }) => {
    if (view.state.conversation && view.state.conversation.id !== conversationId) return;
    view.set({ conversation: { id: conversationId, state: 'closed', csatPending: true }, csat: 'pending', typing: null });
  });
  socket.on('disconnect', (reason) => {
    ctx.outbox.resetInFlight();
    view.set(applyDisconnect(view.state));
    // The server closed us on purpose (restart, kick): socket.io does not reconnect by itself then.
    if (reason === 'io server disconnect') ctx.timers.later(() => socket.connect());
  });
  socket.on('connect_error', (err: Error & { data?: { error?: ErrorShape } }) => onConnectError(ctx, socket, err));
}

function onSession(ctx: WidgetContext, s: SessionPayload): void {
  ctx.tokens.set(s.visitorToken);
  if (ctx.socket) ctx.socket.auth = authPayload(ctx);
  ctx.view.set(applySession(ctx.view.state, s));
  ctx.events.emit('session', { customerId: s.customerId, conversation: s.conversation });
  flush(ctx);
}

function onMessage(ctx: WidgetContext, m: Message): void {
  const { view } = ctx;
  if (view.state.items.some((i) => i.id === m.id)) return;
  view.set({ ...applyMessage(view.state, m), unread: view.state.open ? 0 : view.state.unread + 1 });
  ctx.events.emit('message', m);
}

/** Transport trouble is socket.io's to retry; a refused handshake drops what the server refused and tries again later. */
function onConnectError(ctx: WidgetContext, socket: Socket, err: Error & { data?: { error?: ErrorShape } }): void {
  if (socket.active) return ctx.view.set({ connection: 'reconnecting' });
  const code = err.data?.error?.code ?? err.message;
  ctx.events.emit('error', { code, message: err.data?.error?.message ?? err.message });
  if (code === 'ERR_AUTH_IDENTITY') ctx.identity = null; // continue anonymously
  if (code === 'ERR_VALIDATION' && ctx.tokens.get()) ctx.tokens.set(''); // a stored token we cannot use
  socket.auth = authPayload(ctx);
  ctx.view.set({ connection: 'reconnecting' });
  ctx.timers.later(() => socket.connect());
}
