import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { match } from 'path-to-regexp';
import request from 'supertest';
import { API_KEY_ROUTES, errorCatalogue, errorResponseSchema, errorsOf, type RouteSpec } from '../../core/index.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { composeApp, type ParleyApp } from '../compose.js';
import { mountedRoutes } from './router-walk.js';
import { appApi } from './app-api.js';
import { adminApi } from '../../admin/index.js';
import { channelApi } from '../../bot/index.js';

// The product as `npm start` builds it; the document must describe exactly the routes express dispatches.
const WEBHOOK_KEY = 'whk-test-0123456789-0123456789-abcdef';
let app: ParleyApp;
let doc: { paths: Record<string, Record<string, unknown>>; webhooks: Record<string, unknown> };
const specs: RouteSpec[] = [...appApi, ...channelApi, ...adminApi];
const openApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-openapi-'));
  const env = { DATA_DIR: dataDir, MODELS_DIR: join(dataDir, 'models'), PORT: '0', LOG_LEVEL: 'silent', ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery', WEBHOOK_API_KEY: WEBHOOK_KEY };
  app = await composeApp(loadConfig(env), createLogger('silent'));
  await app.listen();
  await app.warmup;
  doc = (await request(app.http).get('/api/openapi.json').expect(200)).body;
}, 120_000);

afterAll(async () => {
  await app?.close('test');
});

describe('OpenAPI document', () => {
  it('describes every route the express app dispatches, and nothing it does not', () => {
    const mounted = mountedRoutes(app.express as never).map((r) => `${r.method} ${openApiPath(r.path)}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(mounted.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !mounted.includes(r))).toEqual([]);
    expect(mounted.length).toBeGreaterThan(50);
  });

  it('each route an API key opens is the one express dispatches its requests to (no earlier route shadows it)', () => {
    const mounted = mountedRoutes(app.express as never);
    for (const scoped of API_KEY_ROUTES) {
      const sample = scoped.path.replace(/:(\w+)/g, 'x1');
      const first = mounted.find((r) => r.method === scoped.method && match(r.path, { sensitive: false, end: true, trailing: true })(sample) !== false);
      expect(first).toEqual({ method: scoped.method, path: scoped.path });
    }
  });

  it('passes the OpenAPI 3.1 schema validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect({ valid: result.valid, version: validator.version, errors: result.errors }).toEqual({ valid: true, version: '3.1', errors: undefined });
  });

  it('is OpenAPI 3.1 with the signed outbound calls as webhooks and key scopes from the gate table', () => {
    expect(doc).toMatchObject({ openapi: '3.1.0', components: { securitySchemes: { apiKey: { in: 'header', name: 'X-Api-Key' } } } });
    expect(Object.keys(doc.webhooks).sort()).toEqual(['intentAction', 'webhookCallback']);
    for (const r of API_KEY_ROUTES) {
      const op = doc.paths[openApiPath(r.path)]?.[r.method] as { security: Record<string, string[]>[] };
      expect(op.security).toContainEqual({ apiKey: [r.scope] });
    }
  });

  it('serves a reference page and its assets from this server (no CDN)', async () => {
    const page = await request(app.http).get('/docs').expect(200);
    const srcs = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(srcs.every((s) => s.startsWith('/docs/'))).toBe(true);
    for (const s of srcs) expect((await request(app.http).get(s).expect(200)).text.length).toBeGreaterThan(10);
  });

  it('every example request validates through the real app and gets a documented answer', async () => {
    const login = await request(app.http).post('/api/auth/login').send({ email: 'admin@example.com', password: 'correct horse battery' }).expect(200);
    const staff = `Bearer ${login.body.token as string}`;
    const results: string[] = [];
    let replayed = 0;
    const jobs: string[] = [];
    for (const spec of specs) {
      for (const ex of spec.examples ?? []) {
        const path = spec.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(ex.params?.[name] ?? 'x'));
        let req = request(app.http)[spec.method](path).query(ex.query ?? {});
        if (spec.auth === 'agent' || spec.auth === 'admin') req = req.set('Authorization', staff);
        if (API_KEY_ROUTES.some((r) => r.method === spec.method && r.path === spec.path) && spec.auth === 'none') req = req.set('X-Api-Key', WEBHOOK_KEY);
        if (ex.body !== undefined) req = spec.bodyType ? req.set('Content-Type', spec.bodyType).send(String(ex.body)) : req.send(ex.body as object);
        const res = await req;
        replayed++;
        if (res.status === 202) jobs.push(res.body.jobId as string);
        const label = `${spec.method.toUpperCase()} ${spec.path} [${ex.name}] -> ${res.status}`;
        const documented = spec.responses[res.status];
        if (documented) {
          const parsed = documented.schema?.safeParse(res.body);
          results.push(parsed && !parsed.success ? `${label}: response does not match its schema: ${parsed.error.message}` : 'ok');
        } else {
          const err = errorResponseSchema.safeParse(res.body);
          const code = err.success ? err.data.error.code : undefined;
          const ok = code !== undefined && code !== 'ERR_VALIDATION' && errorsOf(spec, API_KEY_ROUTES.find((r) => r.method === spec.method && r.path === spec.path)).includes(code) && errorCatalogue[code].status === res.status;
          results.push(ok ? 'ok' : `${label}: undocumented answer ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
    }
    expect(results.filter((r) => r !== 'ok')).toEqual([]);
    expect(replayed).toBeGreaterThan(50);
    // The jobs the examples started (training, imports, analytics run) finish before the app closes.
    for (const id of jobs) {
      for (let state = ''; state !== 'done' && state !== 'failed'; await new Promise((r) => setTimeout(r, 100))) {
        state = (await request(app.http).get(`/api/jobs/${id}`).set('Authorization', staff).expect(200)).body.state;
      }
    }
    expect(jobs.length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
