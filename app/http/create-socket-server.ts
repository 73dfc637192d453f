import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../logger.js';

export interface SocketServerOptions {
  allowedOrigins: string[] | null;
  redisUrl?: string;
  logger: Logger;
}

/**
 * One socket.io server on the HTTP server. Origins are checked in allowRequest
 * (browsers always send Origin; server-to-server clients without one are allowed).
 * With REDIS_URL, rooms fan out across nodes through the Redis adapter.
 */
export async function createSocketServer(http: HttpServer, opts: SocketServerOptions): Promise<{ io: Server; close(): Promise<void> }> {
  const io = new Server(http, {
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    cors: { origin: opts.allowedOrigins ?? true, credentials: false },
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin || !opts.allowedOrigins) return callback(null, true);
      const host = req.headers.host;
      const sameOrigin = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
      callback(sameOrigin || opts.allowedOrigins.includes(origin) ? null : 'ERR_ORIGIN_FORBIDDEN', sameOrigin || opts.allowedOrigins.includes(origin));
    },
  });
  const clients: Redis[] = [];
  if (opts.redisUrl) {
    const pub = new Redis(opts.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
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
