import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { createStaffUser, ensureFirstAdmin } from '../auth/staff-users.js';
import { verifyPassword } from '../auth/passwords.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await openAdminHarness();
});
afterEach(async () => h.close());

describe('/api/users', () => {
  it('creates, lists, updates and deletes staff; never returns password hashes; audits every change', async () => {
    const admin = await h.staff('admin');
    const created = await request(h.app)
      .post('/api/users')
      .set('Authorization', admin.auth)
      .send({ email: 'Eve@Example.com', name: 'Eve', role: 'agent', password: 'a long password' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), email: 'eve@example.com', name: 'Eve', role: 'agent' });
    const list = await request(h.app).get('/api/users').set('Authorization', admin.auth).expect(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map((u: { email: string }) => u.email).sort()).toEqual([admin.email, 'eve@example.com'].sort());
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);

    const updated = await request(h.app).put(`/api/users/${created.body.id as string}`).set('Authorization', admin.auth).send({ name: 'Eve B', password: 'another long one' });
    expect(updated.body.name).toBe('Eve B');
    const stored = await h.stores.users.get(created.body.id as string);
    expect(await verifyPassword(stored!.passwordHash, 'another long one')).toBe(true);

    await request(h.app).delete(`/api/users/${created.body.id as string}`).set('Authorization', admin.auth).expect(204);
    expect((await request(h.app).get(`/api/users/${created.body.id as string}`).set('Authorization', admin.auth)).body.error.code).toBe('ERR_USER_NOT_FOUND');
    const audit = await request(h.app).get('/api/audit').set('Authorization', admin.auth).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['user.create', 'user.delete', 'user.update']);
    expect(audit.body.items.every((e: { actor: { id: string } }) => e.actor.id === admin.id)).toBe(true);
    const filtered = await request(h.app).get('/api/audit?action=user.delete').set('Authorization', admin.auth);
    expect(filtered.body.items).toHaveLength(1);
  });

  it('validates bodies, refuses duplicates and protects the last admin', async () => {
    const admin = await h.staff('admin');
    const short = await request(h.app).post('/api/users').set('Authorization', admin.auth).send({ email: 'x@example.com', name: 'X', role: 'agent', password: 'short' });
    expect([short.status, short.body.error.code, short.body.error.details.issues[0].path]).toEqual([400, 'ERR_VALIDATION', 'password']);
    const badRole = await request(h.app).post('/api/users').set('Authorization', admin.auth).send({ email: 'x@example.com', name: 'X', role: 'root', password: 'long enough pw' });
    expect(badRole.body.error.code).toBe('ERR_VALIDATION');
    const dup = await request(h.app).post('/api/users').set('Authorization', admin.auth).send({ email: admin.email, name: 'X', role: 'agent', password: 'long enough pw' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'ERR_USER_DUPLICATE']);
    const demote = await request(h.app).put(`/api/users/${admin.id}`).set('Authorization', admin.auth).send({ role: 'agent' });
    expect([demote.status, demote.body.error.code]).toEqual([409, 'ERR_USER_LAST_ADMIN']);
    const del = await request(h.app).delete(`/api/users/${admin.id}`).set('Authorization', admin.auth);
    expect(del.body.error.code).toBe('ERR_USER_LAST_ADMIN');
    expect((await request(h.app).put('/api/users/nope').set('Authorization', admin.auth).send({ name: 'n' })).status).toBe(404);
    expect((await request(h.app).get('/api/audit?limit=0').set('Authorization', admin.auth)).body.error.code).toBe('ERR_VALIDATION');
  });
});

describe('ensureFirstAdmin / createStaffUser', () => {
  it('creates the configured admin once, generating and logging a password when none is configured', async () => {
    const logged: { obj: object; msg?: string }[] = [];
    const logger = { info: (obj: object, msg?: string) => logged.push({ obj, msg }), warn: (obj: object, msg?: string) => logged.push({ obj, msg }), error() {} };
    const first = await ensureFirstAdmin(h.stores.users, { email: 'Boss@Example.com' }, logger);
    expect(first.created).toBe(true);
    expect(first.user?.email).toBe('boss@example.com');
    expect(first.generatedPassword?.length).toBeGreaterThanOrEqual(10);
    const stored = await h.stores.users.findByEmail('boss@example.com');
    expect(await verifyPassword(stored!.passwordHash, first.generatedPassword!)).toBe(true);
    expect(logged.filter((l) => JSON.stringify(l.obj).includes(first.generatedPassword!))).toHaveLength(1);
    const again = await ensureFirstAdmin(h.stores.users, { email: 'other@example.com', password: 'configured pw 1' }, logger);
    expect(again.created).toBe(false);
    expect(await h.stores.users.countByRole('admin')).toBe(1);
    expect((await ensureFirstAdmin(h.stores.users, undefined)).created).toBe(false);
  });

  it('uses the configured password and refuses duplicate CLI users', async () => {
    const r = await ensureFirstAdmin(h.stores.users, { email: 'root@example.com', password: 'configured pw 1' });
    expect(r.generatedPassword).toBeUndefined();
    await expect(createStaffUser(h.stores.users, { email: 'root@example.com', name: 'R', role: 'agent', password: 'long enough pw' })).rejects.toMatchObject({ code: 'ERR_USER_DUPLICATE' });
    await expect(createStaffUser(h.stores.users, { email: 'bad', name: 'R', role: 'agent', password: 'long enough pw' })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
  });
});
