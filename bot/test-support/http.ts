/** TEST-ONLY: an express app around one router with the common error shape, and a callback receiver. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Router } from 'express';
import { toErrorBody } from '../../core/index.js';

export function appWith(router: Router): express.Express {
  const app = express();
  app.use(router);
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const { status, body } = toErrorBody(err);
    res.status(status).json({ error: body });
  };
  app.use(onError);
  return app;
}

export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTP server that records requests; `respond` picks the status per request number. */
export async function receiver(respond: (n: number, req: Received) => number = () => 200): Promise<{ url: string; received: Received[]; waitFor(n: number): Promise<void>; close(): Promise<void> }> {
  const received: Received[] = [];
  let n = 0;
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body };
      const status = respond(n++, r);
      if (status < 300) received.push(r);
      res.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '{"id":"ok"}' : '{}');
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async waitFor(count) {
      while (received.length < count) await new Promise<void>((r) => waiters.push(r));
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
