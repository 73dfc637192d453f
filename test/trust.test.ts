import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import { loadConfig } from '../app/config.js';
import { createLogger } from '../app/logger.js';
import { composeApp, type ParleyApp } from '../app/compose.js';

// The product as a production deployment builds it (NODE_ENV=production, no TRUST_PROXY), probed as an attacker would.
const ADMIN = { email: 'admin@shop.example', password: 'correct horse battery staple' };
let app: ParleyApp;
let url: string;
let dataDir: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-trust-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    MODELS_DIR: join(dataDir, 'models'),
    PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_CONTENT: 'false',
    JWT_SECRET: 'a-real-secret-that-is-long-enough-for-tests',
    ENCRYPTION_KEY: 'another-real-secret-long-enough-for-tests',
    ALLOWED_ORIGINS: 'https://shop.example',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  app = await composeApp(config, createLogger('silent'));
  url = await app.listen();
  await app.warmup;
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.close('test');
});

interface Session {
  customerId: string;
  visitorToken: string;
  history: unknown[];
  conversation: unknown;
}

/** A /widget socket, resolved with its `session` (rejects with the connect_error). */
function openWidget(headers: Record<string, string> = {}, auth: object = {}): Promise<Socket & { session: Session }> {
  const s = connect(`${url}/widget`, { transports: ['websocket'], auth, reconnection: false, forceNew: true, extraHeaders: headers });
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.once('session', (session: Session) => resolve(Object.assign(s, { session })));
    s.once('connect_error', reject);
  });
}

describe('DATA_DIR on disk', () => {
  it('holds only owner-readable files (0600) and directories (0700)', async () => {
    // Something written by every part: the store, its WAL, the secrets the dev config would generate, the indexes.
    await request(app.http).post('/api/auth/login').send(ADMIN).expect(200);
    const loose: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        const mode = statSync(path).mode & 0o777;
        if (mode & 0o077) loose.push(`${path.slice(dataDir.length)} ${mode.toString(8)}`);
        if (entry.isDirectory()) walk(path);
      }
    };
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    walk(dataDir);
    expect(readdirSync(dataDir).length).toBeGreaterThan(0);
    expect(loose).toEqual([]);
  });
});

describe('staff API responses', () => {
  it('are never cached (Cache-Control: no-store), the login token included', async () => {
    const login = await request(app.http).post('/api/auth/login').send(ADMIN).expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const me = await request(app.http).get('/api/auth/me').set('Authorization', `Bearer ${login.body.token as string}`).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await request(app.http).get('/api/users').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('origin refusals on the sockets', () => {
  for (const nsp of ['/widget', '/agent']) {
    it(`${nsp}: a foreign Origin gets connect_error ERR_ORIGIN_FORBIDDEN with the common error shape`, async () => {
      const s = connect(`${url}${nsp}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { Origin: 'https://evil.example' } });
      sockets.push(s);
      const err = await new Promise<Error & { data?: { error?: { code: string; message: string } } }>((resolve) => s.once('connect_error', resolve));
      expect(err.message).toBe('ERR_ORIGIN_FORBIDDEN');
      expect(err.data?.error).toMatchObject({ code: 'ERR_ORIGIN_FORBIDDEN', message: expect.any(String) });
    });
  }

  it('an allowed Origin connects', async () => {
    const s = await openWidget({ Origin: 'https://shop.example' });
    expect(s.session.visitorToken).toEqual(expect.any(String));
    s.disconnect();
  });
});

describe('erase', () => {
  const login = async () => (await request(app.http).post('/api/auth/login').send(ADMIN).expect(200)).body.token as string;

  it("disconnects the erased customer's open sockets and refuses their writes", async () => {
    const s = await openWidget();
    const { session } = s;
    const ack = (await s.emitWithAck('message', { clientMessageId: 'before-erase', text: 'my email is eve@example.com' })) as { ok: boolean; conversationId: string };
    expect(ack.ok).toBe(true);
    const dropped = new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    const token = await login();
    await request(app.http).delete(`/api/customers/${session.customerId}`).set('Authorization', `Bearer ${token}`).expect(204);
    expect(await dropped).toBe('io server disconnect');
    expect(await app.stores.conversations.findOpen(session.customerId)).toBeNull();
    // The old token no longer leads to the erased customer's data.
    const again = await openWidget({}, { visitorToken: session.visitorToken });
    expect(again.session).toMatchObject({ history: [], conversation: null });
    again.disconnect();
  });
});

// Last: these exhaust the per-IP limits of 127.0.0.1 for the rest of this app's life.
describe('per-IP limits without TRUST_PROXY (the socket address is the client)', () => {
  it('a rotated X-Forwarded-For does not lift the widget handshake limit', async () => {
    let refused: Error | null = null;
    for (let i = 0; i < 100 && !refused; i++) {
      try {
        const s = await openWidget({ 'x-forwarded-for': `203.0.113.${i}` });
        s.disconnect();
      } catch (err) {
        refused = err as Error;
      }
    }
    expect(refused?.message).toBe('ERR_RATE_LIMITED');
  });

  it('a rotated X-Forwarded-For does not lift the login limit', async () => {
    let status = 0;
    for (let i = 0; i < 150 && status !== 429; i++) {
      const res = await request(app.http).post('/api/auth/login').set('x-forwarded-for', `198.51.100.${i}`).send({ email: `nobody${i}@shop.example`, password: 'wrong password' });
      status = res.status;
    }
    expect(status).toBe(429);
  });
});
