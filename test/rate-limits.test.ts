import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { io as connect } from 'socket.io-client';
import { loadConfig } from '../app/config.js';
import { createLogger } from '../app/logger.js';
import { composeApp, type ParleyApp } from '../app/compose.js';

// RATE_LIMITS reaches every limiter of the composed product (widget handshake and messages, staff login).
async function boot(rateLimits: string): Promise<{ app: ParleyApp; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-limits-'));
  const env = { DATA_DIR: dir, MODELS_DIR: join(dir, 'models'), PORT: '0', LOG_LEVEL: 'silent', DEMO_CONTENT: 'false', RATE_LIMITS: rateLimits, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };
  const app = await composeApp(loadConfig(env), createLogger('silent'));
  return { app, url: await app.listen() };
}

function handshake(url: string): Promise<string> {
  const s = connect(`${url}/widget`, { transports: ['websocket'], reconnection: false });
  return new Promise((resolve) => {
    s.once('session', () => (s.disconnect(), resolve('ok')));
    s.once('connect_error', (err) => (s.disconnect(), resolve(err.message)));
  });
}

const login = (app: ParleyApp) => request(app.http).post('/api/auth/login').send({ email: 'admin@example.com', password: 'wrong password!' });

describe('RATE_LIMITS in the composed app', () => {
  let strict: { app: ParleyApp; url: string };
  let off: { app: ParleyApp; url: string };
  beforeAll(async () => {
    strict = await boot('{"connectionsPerIp":{"points":2,"duration":60},"loginFailuresPerIp":{"points":1,"duration":60}}');
    off = await boot('off');
  }, 60_000);
  afterAll(async () => {
    await strict?.app.close('test');
    await off?.app.close('test');
  });

  it('an override tightens the widget handshake and the login limiter', async () => {
    expect([await handshake(strict.url), await handshake(strict.url), await handshake(strict.url)]).toEqual(['ok', 'ok', 'ERR_RATE_LIMITED']);
    expect((await login(strict.app)).status).toBe(401);
    const limited = await login(strict.app);
    expect([limited.status, limited.body.error.code]).toEqual([429, 'ERR_RATE_LIMITED']);
  });

  it('off lifts them: more handshakes and failed logins than the defaults allow', async () => {
    const results = [];
    for (let i = 0; i < 65; i++) results.push(await handshake(off.url)); // default: 60 per 10 s
    expect(results.filter((r) => r !== 'ok')).toEqual([]);
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await login(off.app)).status); // default: 8 failures per email
    expect(new Set(statuses)).toEqual(new Set([401]));
  }, 60_000);
});
