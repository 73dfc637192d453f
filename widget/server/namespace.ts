import { randomBytes } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import { parseOrThrow, ParleyError, toErrorBody, WIDGET_NAMESPACE, widgetAuthSchema, widgetEvents, isParleyError } from '../../core/index.js';
import { deliverConversationEvents } from './delivery.js';
import { registerHandlers } from './handlers.js';
import { resolveVisitor } from './identify.js';
import { defaultLimits, Limiter } from './rate-limit.js';
import { buildSession } from './session.js';
import { customerRoom, type WidgetDeps, type WidgetSocketData } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A refused handshake: the client sees `connect_error` with message = code and data = the common error shape. */
function refusal(err: unknown): Error & { data: unknown } {
  const { body } = toErrorBody(err);
  return Object.assign(new Error(body.code), { data: { error: body } });
}

/**
 * Mounts the customer-facing `/widget` namespace (PROTOCOL.md) on a socket.io server.
 * `close()` stops delivery and disconnects the namespace's sockets.
 */
export function attachWidgetNamespace(io: Server, deps: WidgetDeps): { close(): void; disconnectCustomer(customerId: string): void } {
  const limits = { ...defaultLimits, ...deps.limits };
  const connectionsPerIp = new Limiter(limits.connectionsPerIp, 'widget-conn-ip');
  const ctx = {
    dialogue: deps.dialogue,
    stores: deps.stores,
    logger: deps.logger,
    actionsPerSocket: new Limiter(limits.messagesPerSocket, 'widget-msg-socket'),
    actionsPerIp: new Limiter(limits.messagesPerIp, 'widget-msg-ip'),
    typingPerSocket: new Limiter(limits.typingPerSocket, 'widget-typing-socket'),
  };
  const csatWindowMs = deps.csatWindowMs ?? DAY_MS;
  const visitorTokenKey = deps.visitorTokenKey ?? randomBytes(32).toString('hex');
  const nsp = io.of(WIDGET_NAMESPACE);

  let closed = false;
  nsp.use((socket, next) => {
    const ip = deps.clientIp ? deps.clientIp(socket.request) : socket.handshake.address;
    void (async () => {
      // Middleware cannot be removed from a namespace: after close() new visitors are refused instead.
      if (closed) throw new ParleyError('ERR_UNAVAILABLE');
      await connectionsPerIp.consume(ip);
      const auth = parseOrThrow(widgetAuthSchema, socket.handshake.auth ?? {});
      const visitor = await resolveVisitor(deps.stores, deps.customers, auth, { identitySecret: deps.identitySecret, visitorTokenKey }, deps.logger);
      const data: WidgetSocketData = { ...visitor, ip, ...(auth.locale ? { locale: auth.locale } : {}) };
      Object.assign(socket.data, data);
    })().then(
      () => next(),
      (err: unknown) => {
        if (!isParleyError(err)) deps.logger?.error({ err }, 'widget: handshake failed');
        next(refusal(err));
      },
    );
  });

  const onConnection = (socket: Socket): void => {
    const data = socket.data as WidgetSocketData;
    void socket.join(customerRoom(data.customerId));
    registerHandlers(socket, ctx);
    socket.on('disconnect', () => {
      ctx.actionsPerSocket.forget(socket.id);
      ctx.typingPerSocket.forget(socket.id);
    });
    const session = data.pending
      ? Promise.resolve({ visitorToken: data.visitorToken, customerId: data.customerId, conversation: null, history: [] })
      : buildSession(deps.stores, data.customerId, data.visitorToken, csatWindowMs);
    session.then(
      (session) => socket.emit(widgetEvents.session, session),
      (err: unknown) => {
        deps.logger?.error({ err }, 'widget: session failed');
        socket.disconnect(true);
      },
    );
  };
  nsp.on('connection', onConnection);

  const stopDelivery = deliverConversationEvents(nsp, deps.dialogue.events);
  return {
    /** After an erase: drops the customer's sockets on every node (the Redis adapter carries it to the others). */
    disconnectCustomer(customerId: string) {
      nsp.in(customerRoom(customerId)).disconnectSockets(true);
    },
    close() {
      closed = true;
      stopDelivery();
      nsp.off('connection', onConnection);
      nsp.disconnectSockets(true);
    },
  };
}
