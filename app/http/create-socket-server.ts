import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import { ParleyError } from '../../core/index.js';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../logger.js';

export interface SocketServerOptions {
  allowedOrigins: string[] | null;
  redisUrl?: string;
  logger: Logger;
}

/** Same origin (the Host the browser talked to), or listed; null = any (development). */
function originAllowed(allowedOrigins: string[] | null, origin: string, host: string | undefined): boolean {
  if (!allowedOrigins) return true;
  const sameOrigin = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  return sameOrigin || allowedOrigins.includes(origin);
}

/**
 * One socket.io server on the HTTP server. Origins are checked in a middleware of every namespace (browsers always
 * send Origin; server-to-server clients without one are allowed), not in engine.io's allowRequest: a refusal there
 * reaches the browser as a bare websocket error, here as connect_error with message ERR_ORIGIN_FORBIDDEN and data =
 * the common error shape (PROTOCOL "Refused socket connections"). With REDIS_URL, rooms fan out through Redis.
 */
export async function createSocketServer(http: HttpServer, opts: SocketServerOptions): Promise<{ io: Server; close(): Promise<void> }> {
  const io = new Server(http, {
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    cors: { origin: opts.allowedOrigins ?? true, credentials: false },
  });
  // Registered as each namespace is created, so it runs before the namespace's own middleware (auth, limits).
  io.on('new_namespace', (nsp: Namespace) => {
    nsp.use((socket, next) => {
      const origin = socket.handshake.headers.origin;
      if (!origin || originAllowed(opts.allowedOrigins, origin, socket.handshake.headers.host)) return next();
      const body = new ParleyError('ERR_ORIGIN_FORBIDDEN', { origin }).toBody();
      next(Object.assign(new Error(body.code), { data: { error: body } }));
    });
  });
  const clients: Redis[] = [];
  if (opts.redisUrl) {
    const pub = new Redis(opts.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    // Redis down: each node keeps serving its own sockets (the adapter delivers locally first). The adapter fires
    // publish() without handling its promise, and without Redis every room broadcast would reject unhandled; the
    // other nodes miss those broadcasts (their clients re-read on reconnect), ioredis reconnects by itself.
    const publish = pub.publish.bind(pub);
    pub.publish = ((channel: string, message: string) =>
      publish(channel, message).catch((err: unknown) => {
        opts.logger.warn({ err: String(err) }, 'socket.io: redis unreachable, broadcast stayed on this node');
        return 0;
      })) as typeof pub.publish;
    for (const c of [pub, sub]) c.on('error', (err: Error) => opts.logger.warn({ err: err.message }, 'socket.io: redis error'));
    clients.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
    opts.logger.info({ redis: true }, 'socket.io uses the Redis adapter');
  }
  return {
    io,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
    },
  };
}
