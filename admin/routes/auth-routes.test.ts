import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SignJWT } from 'jose';
import { JWT_SECRET, PASSWORD, openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { signAccessToken } from '../auth/tokens.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await openAdminHarness({ loginLimits: { failuresPerEmailAndIp: { points: 3, duration: 60 }, failuresPerIp: { points: 100, duration: 86_400 } } });
});
afterEach(async () => h.close());

describe('POST /api/auth/login', () => {
  it('returns a token and the public user; the password is stored as argon2id', async () => {
    const admin = await h.staff('admin', 'Ann@Example.com'.toLowerCase());
    const res = await request(h.app).post('/api/auth/login').send({ email: 'ANN@example.com', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: admin.id, email: 'ann@example.com', name: expect.any(String), role: 'admin' });
    expect(JSON.stringify(res.body)).not.toContain('argon2');
    const stored = await h.stores.users.get(admin.id);
    expect(stored?.passwordHash.startsWith('$argon2id$')).toBe(true);
    const me = await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${res.body.token as string}`);
    expect(me.body.user.id).toBe(admin.id);
  });

  it('refuses a wrong password and an unknown email with the same code', async () => {
    await h.staff('agent', 'bob@example.com');
    const wrong = await request(h.app).post('/api/auth/login').send({ email: 'bob@example.com', password: 'not the password' });
    const unknown = await request(h.app).post('/api/auth/login').send({ email: 'nobody@example.com', password: PASSWORD });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'ERR_AUTH_INVALID']);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'ERR_AUTH_INVALID']);
  });

  it('validates the body strictly, including malformed JSON', async () => {
    const missing = await request(h.app).post('/api/auth/login').send({ email: 'a@example.com' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('ERR_VALIDATION');
    expect(missing.body.error.details.issues[0].path).toBe('password');
    const extra = await request(h.app).post('/api/auth/login').send({ email: 'a@example.com', password: 'x', admin: true });
    expect(extra.body.error.code).toBe('ERR_VALIDATION');
    const broken = await request(h.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect([broken.status, broken.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
  });

  it('rate limits consecutive failures per email and IP with Retry-After, even for the right password', async () => {
    await h.staff('agent', 'carol@example.com');
    for (let i = 0; i < 3; i++) {
      const r = await request(h.app).post('/api/auth/login').send({ email: 'carol@example.com', password: 'guess-guess' });
      expect(r.status).toBe(401);
    }
    const blocked = await request(h.app).post('/api/auth/login').send({ email: 'carol@example.com', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('ERR_RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same IP is not locked by carol's failures.
    await h.staff('agent', 'dave@example.com');
    expect((await request(h.app).post('/api/auth/login').send({ email: 'dave@example.com', password: PASSWORD })).status).toBe(200);
  });
});

describe('rate limit per IP', () => {
  it('limits failures from one IP across emails (slow lane)', async () => {
    const limited = await openAdminHarness({ loginLimits: { failuresPerEmailAndIp: { points: 100, duration: 60 }, failuresPerIp: { points: 2, duration: 86_400 } } });
    try {
      const codes: number[] = [];
      for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
        codes.push((await request(limited.app).post('/api/auth/login').send({ email, password: 'whatever1' })).status);
      }
      expect(codes).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('Bearer tokens', () => {
  it('401 ERR_AUTH_REQUIRED without a token', async () => {
    const res = await request(h.app).get('/api/users');
    expect([res.status, res.body.error.code]).toEqual([401, 'ERR_AUTH_REQUIRED']);
  });

  it('401 ERR_AUTH_INVALID for forged, expired, unsigned and garbage tokens', async () => {
    const admin = await h.staff('admin');
    const user = (await h.stores.users.get(admin.id))!;
    const forged = await signAccessToken(user, 'another-secret-another-secret-0123456789');
    const expired = await signAccessToken(user, JWT_SECRET, -60);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: admin.id, role: 'admin' })).toString('base64url')}.`;
    const wrongAudience = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(admin.id).setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
    for (const token of [forged, expired, none, wrongAudience, 'garbage']) {
      const res = await request(h.app).get('/api/users').set('Authorization', `Bearer ${token}`);
      expect([res.status, res.body.error.code]).toEqual([401, 'ERR_AUTH_INVALID']);
    }
  });

  it('403 for an agent on admin routes; agents reach conversations', async () => {
    const agent = await h.staff('agent');
    for (const path of ['/api/users', '/api/faqs', '/api/intents', '/api/audit', '/api/unanswered', '/api/customers/x', '/api/jobs/x']) {
      const res = await request(h.app).get(path).set('Authorization', agent.auth);
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'ERR_AUTH_FORBIDDEN']);
    }
    const train = await request(h.app).post('/api/nlu/train').set('Authorization', agent.auth);
    expect(train.status).toBe(403);
    expect((await request(h.app).get('/api/conversations').set('Authorization', agent.auth)).status).toBe(200);
  });

  it('a deleted user loses access at once; a demoted admin loses admin routes', async () => {
    const admin = await h.staff('admin');
    const other = await h.staff('admin');
    await request(h.app).put(`/api/users/${other.id}`).set('Authorization', admin.auth).send({ role: 'agent' }).expect(200);
    expect((await request(h.app).get('/api/users').set('Authorization', other.auth)).status).toBe(403);
    await request(h.app).delete(`/api/users/${other.id}`).set('Authorization', admin.auth).expect(204);
    const res = await request(h.app).get('/api/conversations').set('Authorization', other.auth);
    expect(res.body.error.code).toBe('ERR_AUTH_INVALID');
  });

  it('refresh returns a new working token', async () => {
    const agent = await h.staff('agent');
    const res = await request(h.app).post('/api/auth/refresh').set('Authorization', agent.auth).expect(200);
    expect((await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${res.body.token as string}`)).body.user.role).toBe('agent');
  });
});

describe('cross-origin writes', () => {
  it('refuses state changes from a foreign Origin, allows same origin and configured origins', async () => {
    const admin = await h.staff('admin');
    const body = { email: 'new@example.com', name: 'New', role: 'agent', password: 'long enough pw' };
    const evil = await request(h.app).post('/api/users').set('Authorization', admin.auth).set('Origin', 'https://evil.example').send(body);
    expect([evil.status, evil.body.error.code]).toEqual([403, 'ERR_ORIGIN_FORBIDDEN']);
    expect(await h.stores.users.findByEmail('new@example.com')).toBeNull();
    const login = await request(h.app).post('/api/auth/login').set('Origin', 'https://evil.example').send({ email: admin.email, password: PASSWORD });
    expect(login.status).toBe(403);
    const allowed = await request(h.app).post('/api/users').set('Authorization', admin.auth).set('Origin', 'https://allowed.example').send(body);
    expect(allowed.status).toBe(201);
    const srv = request(h.app).get('/api/users').set('Authorization', admin.auth).set('Origin', 'https://evil.example');
    expect((await srv).status).toBe(200);
  });
});

describe('token revocation', () => {
  it('a password change revokes the tokens issued before it; the new password signs in', async () => {
    const admin = await h.staff('admin');
    const agent = await h.staff('agent');
    expect((await request(h.app).get('/api/auth/me').set('Authorization', agent.auth)).status).toBe(200);
    const put = await request(h.app).put(`/api/users/${agent.id}`).set('Authorization', admin.auth).send({ password: 'a brand new password' });
    expect(put.status).toBe(200);
    for (const path of ['/api/auth/me', '/api/auth/refresh']) {
      const req = path.endsWith('me') ? request(h.app).get(path) : request(h.app).post(path);
      const res = await req.set('Authorization', agent.auth);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 401, 'ERR_AUTH_INVALID']);
    }
    const login = await request(h.app).post('/api/auth/login').send({ email: agent.email, password: 'a brand new password' });
    expect(login.status).toBe(200);
    expect((await request(h.app).get('/api/auth/me').set('Authorization', `Bearer ${login.body.token as string}`)).status).toBe(200);
  });

  it('a deleted user cannot refresh a still-valid token into a new one', async () => {
    const admin = await h.staff('admin');
    const agent = await h.staff('agent');
    expect((await request(h.app).delete(`/api/users/${agent.id}`).set('Authorization', admin.auth)).status).toBe(204);
    const res = await request(h.app).post('/api/auth/refresh').set('Authorization', agent.auth);
    expect(res.status).toBe(401);
  });
});
