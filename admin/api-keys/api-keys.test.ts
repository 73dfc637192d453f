import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import express from 'express';
import { join } from 'node:path';
import request from 'supertest';
import { toErrorBody } from '../../core/index.js';
import { createWebhookRouter } from '../../bot/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { createApiKeyGate, LEGACY_KEY_ID } from './api-key-gate.js';
import { hashKey } from './key-material.js';

const LEGACY = 'legacy-webhook-key-0123456789abcdef';
const order = { customerId: 'shop-7', date: '2026-12-01T10:00:00Z', status: 'paid', lines: [{ productId: 'sku-1', quantity: 1, amount: 12.5 }] };
let h: AdminHarness;
let admin: string;

const mint = async (scopes: string[], name = 'shop') => {
  const res = await request(h.app).post('/api/api-keys').set('Authorization', admin).send({ name, scopes }).expect(201);
  return res.body as { id: string; key: string; prefix: string };
};
const code = (res: request.Response) => [res.status, res.body.error?.code, res.body.error?.details?.reason];

beforeAll(async () => {
  h = await openAdminHarness({ integrationApiKey: LEGACY });
  admin = (await h.staff('admin')).auth;
}, 60_000);
afterAll(async () => h?.close());

describe('integration API keys', () => {
  it('shows a minted key once and stores only its SHA-256', async () => {
    const made = await mint(['orders:write']);
    expect(made.key).toMatch(/^prl_[A-Za-z0-9_-]{43}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    const listed = await request(h.app).get('/api/api-keys').set('Authorization', admin).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(made.key);
    expect(listed.body.items[0]).toMatchObject({ id: made.id, scopes: ['orders:write'], revokedAt: null });
    const db = new Database(join(h.dir, 'parley.db'), { readonly: true });
    const rows = db.prepare('SELECT * FROM api_keys').all();
    db.close();
    expect(JSON.stringify(rows)).not.toContain(made.key);
    expect(JSON.stringify(rows)).toContain(hashKey(made.key));
  });

  it('opens the routes of its scopes, and audits every use with the key id', async () => {
    const { id, key } = await mint(['orders:write', 'customers:read']);
    await request(h.app).put('/api/orders/K-1').set('X-Api-Key', key).send(order).expect(201);
    const found = await request(h.app).get('/api/customers').query({ externalId: 'shop-7' }).set('X-Api-Key', key).expect(200);
    expect(found.body.items).toHaveLength(1);
    await request(h.app).get(`/api/customers/${found.body.items[0].id}`).set('X-Api-Key', key).expect(200);
    const uses = (await h.stores.audit.list({ actorId: `apikey:${id}`, action: 'api-key.use' })).items;
    expect(uses.map((e) => [e.target, e.details?.method, e.details?.scope])).toEqual([
      [id, 'GET', 'customers:read'],
      [id, 'GET', 'customers:read'],
      [id, 'PUT', 'orders:write'],
    ]);
    expect((await h.stores.audit.list({ action: 'order.upsert' })).items[0]?.actor.id).toBe(`apikey:${id}`);
    expect((await h.stores.apiKeys.get(id))?.lastUsedAt).not.toBeNull();
  });

  it('refuses a route outside the key\'s scopes with 403 ERR_AUTH_FORBIDDEN (staff routes included)', async () => {
    const { id, key } = await mint(['customers:read']);
    expect(code(await request(h.app).put('/api/orders/K-2').set('X-Api-Key', key).send(order))).toEqual([403, 'ERR_AUTH_FORBIDDEN', undefined]);
    expect(code(await request(h.app).get('/api/analytics/overview').set('X-Api-Key', key))).toEqual([403, 'ERR_AUTH_FORBIDDEN', undefined]);
    expect(code(await request(h.app).get('/api/users').set('X-Api-Key', key))).toEqual([403, 'ERR_AUTH_FORBIDDEN', undefined]);
    expect(code(await request(h.app).post('/api/api-keys').set('X-Api-Key', key).send({ name: 'x', scopes: ['analytics:read'] }))).toEqual([403, 'ERR_AUTH_FORBIDDEN', undefined]);
    expect((await h.stores.audit.list({ actorId: `apikey:${id}`, action: 'api-key.refused' })).items).toHaveLength(4);
  });

  it('answers 401 to revoked, unknown and malformed keys, and to a key in the query string', async () => {
    const { id, key } = await mint(['analytics:read']);
    await request(h.app).get('/api/analytics/overview').set('X-Api-Key', key).expect(200);
    await request(h.app).delete(`/api/api-keys/${id}`).set('Authorization', admin).expect(204);
    expect(code(await request(h.app).get('/api/analytics/overview').set('X-Api-Key', key))).toEqual([401, 'ERR_WEBHOOK_KEY', 'revoked']);
    const unknown = `prl_${'A'.repeat(43)}`;
    expect(code(await request(h.app).get('/api/analytics/overview').set('X-Api-Key', unknown))).toEqual([401, 'ERR_WEBHOOK_KEY', 'unknown']);
    expect(code(await request(h.app).get('/api/analytics/overview').set('X-Api-Key', 'not a key'))).toEqual([401, 'ERR_WEBHOOK_KEY', 'malformed']);
    const fresh = await mint(['analytics:read']);
    expect(code(await request(h.app).get('/api/analytics/overview').query({ api_key: fresh.key }))).toEqual([401, 'ERR_WEBHOOK_KEY', 'query']);
    expect(code(await request(h.app).get('/api/analytics/overview').query({ key: fresh.key }).set('X-Api-Key', fresh.key))).toEqual([401, 'ERR_WEBHOOK_KEY', 'query']);
    expect(code(await request(h.app).delete('/api/api-keys/no-such-key').set('Authorization', admin))).toEqual([404, 'ERR_API_KEY_NOT_FOUND', undefined]);
  });

  it('refuses to mint unknown scopes, and only admins mint', async () => {
    const bad = await request(h.app).post('/api/api-keys').set('Authorization', admin).send({ name: 'x', scopes: ['orders:write', 'admin:*'] });
    expect([bad.status, bad.body.error.code, bad.body.error.details.issues[0].path]).toEqual([400, 'ERR_VALIDATION', 'scopes.1']);
    expect((await request(h.app).post('/api/api-keys').set('Authorization', admin).send({ name: 'x', scopes: [] })).status).toBe(400);
    const agent = (await h.staff('agent')).auth;
    expect(code(await request(h.app).post('/api/api-keys').set('Authorization', agent).send({ name: 'x', scopes: ['orders:write'] }))).toEqual([403, 'ERR_AUTH_FORBIDDEN', undefined]);
  });

  it('keeps WEBHOOK_API_KEY working with exactly what it opened before: the webhook and order upserts', async () => {
    await request(h.app).put('/api/orders/K-3').set('X-Api-Key', LEGACY).send(order).expect(201);
    expect(code(await request(h.app).get('/api/customers').set('X-Api-Key', LEGACY))).toEqual([403, 'ERR_AUTH_FORBIDDEN', undefined]);
    const uses = (await h.stores.audit.list({ actorId: `apikey:${LEGACY_KEY_ID}` })).items.map((e) => e.action).filter((a) => a.startsWith('api-key.'));
    expect(uses).toEqual(['api-key.refused', 'api-key.use']);
  });

  it('the webhook channel takes keys with webhook:messages and refuses the rest', async () => {
    const gate = createApiKeyGate({ keys: h.stores.apiKeys, audit: h.stores.audit, legacyKey: LEGACY });
    const app = express().use(createWebhookRouter({ dialogue: h.dialogue, stores: h.stores, authenticate: gate.requireKey }));
    app.use(((err, _req, res, _next) => { const { status, body } = toErrorBody(err); res.status(status).json({ error: body }); }) as express.ErrorRequestHandler);
    const msg = (n: number) => ({ userId: 'u1', clientMessageId: `m${n}`, text: 'hello' });
    const hook = await mint(['webhook:messages']);
    const other = await mint(['orders:write']);
    expect((await request(app).post('/api/webhook/messages').set('X-Api-Key', hook.key).send(msg(1)).expect(200)).body.replies).toEqual(expect.any(Array));
    await request(app).post('/api/webhook/messages').set('X-Api-Key', LEGACY).send(msg(2)).expect(200);
    expect(code(await request(app).post('/api/webhook/messages').set('X-Api-Key', other.key).send(msg(3)))).toEqual([403, 'ERR_AUTH_FORBIDDEN', undefined]);
    expect(code(await request(app).post('/api/webhook/messages').send(msg(4)))).toEqual([401, 'ERR_WEBHOOK_KEY', 'missing']);
    expect((await h.stores.audit.list({ actorId: `apikey:${hook.id}`, action: 'api-key.use' })).items).toHaveLength(1);
  });

  it('answers 404 ERR_WEBHOOK_DISABLED while no key can open the webhook (PROTOCOL), and 401 once one exists', async () => {
    // A fresh store and no WEBHOOK_API_KEY: the channel is off until an admin mints a webhook:messages key.
    const fresh = await openAdminHarness();
    try {
      const gate = createApiKeyGate({ keys: fresh.stores.apiKeys, audit: fresh.stores.audit });
      const router = createWebhookRouter({ dialogue: fresh.dialogue, stores: fresh.stores, authenticate: gate.requireKey, channelOpen: () => gate.openFor('webhook:messages') });
      const app = express().use(router);
      app.use(((err, _req, res, _next) => { const { status, body } = toErrorBody(err); res.status(status).json({ error: body }); }) as express.ErrorRequestHandler);
      const post = () => request(app).post('/api/webhook/messages').set('X-Api-Key', 'prl_nope').send({ userId: 'u', clientMessageId: 'c', text: 'hi' });
      expect(code(await post())).toEqual([404, 'ERR_WEBHOOK_DISABLED', undefined]);
      const freshAdmin = (await fresh.staff('admin', 'fresh-admin@example.com')).auth;
      const made = await request(fresh.app).post('/api/api-keys').set('Authorization', freshAdmin).send({ name: 'orders only', scopes: ['orders:write'] }).expect(201);
      expect(code(await post())[0]).toBe(404);
      const hook = await request(fresh.app).post('/api/api-keys').set('Authorization', freshAdmin).send({ name: 'hook', scopes: ['webhook:messages'] }).expect(201);
      expect(code(await post())).toEqual([401, 'ERR_WEBHOOK_KEY', 'malformed']);
      await request(fresh.app).delete(`/api/api-keys/${(hook.body as { id: string }).id}`).set('Authorization', freshAdmin).expect(204);
      expect(code(await post())[0]).toBe(404);
      expect((made.body as { id: string }).id).toEqual(expect.any(String));
    } finally {
      await fresh.close();
    }
  });
});
