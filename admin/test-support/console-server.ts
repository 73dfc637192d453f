import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildConsoleBundle, consoleHtml } from '../console/bundle.js';
import type { AdminHarness } from './harness.js';

/** The console routes as the app serves them, in front of the harness's admin router (browser tests). */
export async function startConsoleServer(h: AdminHarness): Promise<{ http: HttpServer; base: string }> {
  const { js } = await buildConsoleBundle();
  const front = express();
  front.get('/console/', (_req, res) => void res.type('html').send(consoleHtml()));
  front.get('/console/app.js', (_req, res) => void res.type('application/javascript').send(js));
  // The app's /healthz (app/compose.ts) reports the knowledge service's mode; here the harness's real service answers.
  front.get('/healthz', (_req, res) => {
    const info = h.knowledge.info();
    void res.json({ status: 'ok', store: 'embedded', retrieval: info.mode, ...(info.model ? { model: info.model } : {}), version: 'test' });
  });
  front.use(h.app);
  const http = createServer(front);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return { http, base: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}
