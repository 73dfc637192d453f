/** TEST-ONLY: a real socket.io server on port 0 with the /widget namespace, and socket.io-client helpers. */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket } from 'socket.io-client';
import { createCustomerIdentity } from '../../crm/index.js';
import { attachWidgetNamespace } from '../server/namespace.js';
import type { SessionPayload } from '../server/session.js';
import type { WidgetDeps } from '../server/types.js';

export interface WidgetTestServer {
  url: string;
  http: HttpServer;
  io: Server;
  /** Opens a /widget socket and resolves with its `session` (rejects with the connect_error). */
  connect(auth?: Record<string, unknown>): Promise<{ socket: Socket; session: SessionPayload }>;
  close(): Promise<void>;
}

export interface ConnectRefusal extends Error {
  data?: { error: { code: string; message: string; details?: unknown } };
}

export async function startWidgetServer(given: Omit<WidgetDeps, 'customers'> & Partial<Pick<WidgetDeps, 'customers'>>, onRequest?: Parameters<typeof createServer>[1]): Promise<WidgetTestServer> {
  const http = onRequest ? createServer(onRequest) : createServer();
  const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
  const deps: WidgetDeps = { ...given, customers: given.customers ?? createCustomerIdentity(given.stores) };
  const widget = attachWidgetNamespace(io, deps);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  return {
    url,
    http,
    io,
    connect(auth = {}) {
      const socket = connectClient(`${url}/widget`, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('session', (session: SessionPayload) => resolve({ socket, session }));
        socket.once('connect_error', (err) => reject(err));
      });
    },
    async close() {
      sockets.forEach((s) => s.disconnect());
      widget.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/**
 * Resolves with the next `event` payload matching `match`. The timer only turns
 * a hang into a readable failure; nothing asserts on time.
 */
export function nextEvent<T = unknown>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, guardMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no '${event}' event arrived`));
    }, guardMs);
    const listener = (payload: T): void => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Records every payload of the given events, in arrival order. */
export function record(socket: Socket, events: string[]): { event: string; payload: unknown }[] {
  const log: { event: string; payload: unknown }[] = [];
  for (const event of events) socket.on(event, (payload: unknown) => log.push({ event, payload }));
  return log;
}

/**
 * An acked round trip that changes nothing (an invalid `csat` is answered with ERR_VALIDATION):
 * whatever the server emitted to this socket before it is delivered before the ack.
 */
export async function barrier(socket: Socket): Promise<void> {
  await socket.emitWithAck('csat', {});
}
