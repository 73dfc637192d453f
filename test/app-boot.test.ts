import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../app/config.js';
import { createLogger } from '../app/logger.js';
import { composeApp, type ParleyApp } from '../app/compose.js';

// The whole product as `npm start` builds it (embedded store in a temp dir, demo content, no model installed).
let app: ParleyApp;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-boot-'));
  const config = loadConfig({ DATA_DIR: dataDir, MODELS_DIR: join(dataDir, 'models'), PORT: '0', LOG_LEVEL: 'silent', ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' });
  app = await composeApp(config, createLogger('silent'));
  await app.listen();
  await app.warmup;
}, 120_000);

afterAll(async () => {
  await app?.close('test');
});

describe('app boot', () => {
  it('reports store, explicit lexical mode and version on /healthz', async () => {
    const res = await request(app.http).get('/healthz').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', store: 'embedded', retrieval: 'lexical', version: expect.any(String) });
    expect(res.body.model).toBeUndefined();
  });

  it('exposes Prometheus metrics including the HTTP histogram', async () => {
    await request(app.http).get('/healthz');
    const res = await request(app.http).get('/metrics').expect(200);
    expect(res.text).toContain('parley_process_cpu_user_seconds_total');
    expect(res.text).toContain('parley_http_request_duration_seconds_bucket');
  });

  it('answers unknown routes and malformed JSON in the common error shape', async () => {
    const missing = await request(app.http).get('/api/nope').expect(404);
    expect(missing.body.error.code).toBe('ERR_NOT_FOUND');
    const bad = await request(app.http).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(bad.body.error).toMatchObject({ code: 'ERR_VALIDATION', details: { issues: expect.any(Array) } });
  });

  it('sets security headers', async () => {
    const res = await request(app.http).get('/healthz');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves the demo page, the widget bundle and the console', async () => {
    const page = await request(app.http).get('/').expect(200);
    expect(page.text).toContain('/widget.js');
    const widget = await request(app.http).get('/widget.js').expect(200);
    expect(widget.headers['content-type']).toContain('javascript');
    expect(widget.text.length).toBeGreaterThan(1000);
    await request(app.http).get('/console/').expect(200);
  });

  it('logs in the first admin from ADMIN_EMAIL/ADMIN_PASSWORD', async () => {
    const res = await request(app.http).post('/api/auth/login').send({ email: 'admin@example.com', password: 'correct horse battery' }).expect(200);
    expect(res.body.user).toMatchObject({ email: 'admin@example.com', role: 'admin' });
  });

  it('the seeded and trained demo bot recognises a greeting', async () => {
    const login = await request(app.http).post('/api/auth/login').send({ email: 'admin@example.com', password: 'correct horse battery' });
    const res = await request(app.http).post('/api/nlu/test').set('Authorization', `Bearer ${login.body.token}`).send({ text: 'hello there' }).expect(200);
    expect(res.body.intent?.name).toBe('greeting');
  });
});
