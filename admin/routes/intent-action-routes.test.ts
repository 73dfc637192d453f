import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { hmacHex } from '../../core/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { actionBackend, json, type ActionBackend } from '../../bot/test-support/action-backend.js';

const SECRET = 'console-test-secret';
let h: AdminHarness;
let admin: { auth: string };
let backend: ActionBackend;

beforeAll(async () => {
  backend = await actionBackend({ '/status': json({ text: 'Shipped <b>today</b>' }), '/bad': json({ text: 7 }) });
});
afterAll(async () => backend.close());
beforeEach(async () => {
  h = await openAdminHarness({ actionsSecret: SECRET });
  admin = await h.staff('admin');
});
afterEach(async () => h.close());

const post = (path: string, body: object) => request(h.app).post(path).set('Authorization', admin.auth).send(body);

describe('intent actions through /api/intents', () => {
  it('stores http and built-in actions and reads them back', async () => {
    const httpAction = { type: 'http', url: backend.url('/status'), timeoutMs: 1500, maxConcurrent: 4 };
    expect((await post('/api/intents', { name: 'track', utterances: ['track my parcel'], answer: 'Sorry, tracking is down.', action: httpAction })).body.action).toEqual(httpAction);
    await post('/api/intents', { name: 'where', utterances: ['where is my order'], action: { type: 'builtin', name: 'order_status' } }).expect(201);
    expect((await request(h.app).get('/api/intents/where').set('Authorization', admin.auth)).body.action).toEqual({ type: 'builtin', name: 'order_status' });
  });

  it('refuses non-http(s) URLs with ERR_INTENT_ACTION_URL and bad shapes with ERR_VALIDATION', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://shop.example/x', 'not a url', 'https://user:pw@shop.example/']) {
      const res = await post('/api/intents', { name: 'x', utterances: ['x'], action: { type: 'http', url } });
      expect([res.status, res.body.error.code, res.body.error.details.issues[0].path]).toEqual([400, 'ERR_INTENT_ACTION_URL', 'action.url']);
    }
    expect((await post('/api/intents', { name: 'x', utterances: ['x'], action: { type: 'builtin', name: 'launch_rockets' } })).body.error.code).toBe('ERR_VALIDATION');
    expect((await post('/api/intents', { name: 'x', utterances: ['x'], action: { type: 'http', url: 'https://a.example', timeoutMs: 10 } })).body.error.code).toBe('ERR_VALIDATION');
  });

  it('test-calls the edited action, signed, and shows the backend answer or why it failed', async () => {
    await post('/api/intents', { name: 'track', utterances: ['track my parcel'], answer: 'Sorry.' }).expect(201);
    const ok = await post('/api/intents/track/action/test', { action: { type: 'http', url: backend.url('/status') } }).expect(200);
    expect(ok.body).toMatchObject({ ok: true, answer: { text: 'Shipped <b>today</b>' } });
    const call = backend.calls.at(-1)!;
    expect(call.signature).toBe(hmacHex(SECRET, call.body));
    expect(JSON.parse(call.body)).toMatchObject({ intent: 'track', text: 'track my parcel' });
    const bad = await post('/api/intents/track/action/test', { action: { type: 'http', url: backend.url('/bad') } }).expect(200);
    expect(bad.body).toMatchObject({ ok: false, reason: 'schema' });
    expect((await post('/api/intents/missing/action/test', {})).status).toBe(404);
    expect((await post('/api/intents/track/action/test', {})).body.error.code).toBe('ERR_VALIDATION');
  });
});
