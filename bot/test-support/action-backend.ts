/** TEST-ONLY: a real local HTTP server playing an intent-action backend; each path behaves as the test says. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BackendCall {
  path: string;
  signature: string | undefined;
  body: string;
}

export type BackendRoute = (res: ServerResponse, call: BackendCall) => void | Promise<void>;

export interface ActionBackend {
  url(path: string): string;
  calls: BackendCall[];
  close(): Promise<void>;
}

export async function actionBackend(routes: Record<string, BackendRoute>): Promise<ActionBackend> {
  const calls: BackendCall[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = { path: req.url ?? '', signature: req.headers['x-parley-signature'] as string | undefined, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      open.add(res);
      res.on('close', () => open.delete(res));
      const route = routes[call.path];
      if (!route) return void res.writeHead(404).end();
      void route(res, call);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    calls,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const json = (value: unknown, status = 200): BackendRoute => (res) => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
/** Never answers (a hung backend); the test's close() ends it. */
export const hang: BackendRoute = () => undefined;
