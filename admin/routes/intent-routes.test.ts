import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { demoIntents } from '../../nlu/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';

let h: AdminHarness;
let admin: { auth: string };
beforeEach(async () => {
  h = await openAdminHarness();
  admin = await h.staff('admin');
});
afterEach(async () => h.close());

async function waitForJob(jobId: string): Promise<{ state: string; progress: number; result?: Record<string, unknown>; error?: string }> {
  for (;;) {
    const res = await request(h.app).get(`/api/jobs/${jobId}`).set('Authorization', admin.auth).expect(200);
    if (res.body.state === 'done' || res.body.state === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('/api/intents', () => {
  it('creates, reads, updates, lists with counts and deletes; audits each change', async () => {
    const body = { name: 'order_status', utterances: ['where is my order', 'track my parcel'], answer: 'Order {{order_id}} is on its way', escalate: false };
    const created = await request(h.app).post('/api/intents').set('Authorization', admin.auth).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(body);
    expect((await request(h.app).post('/api/intents').set('Authorization', admin.auth).send(body)).body.error.code).toBe('ERR_INTENT_DUPLICATE');
    const updated = await request(h.app)
      .put('/api/intents/order_status')
      .set('Authorization', admin.auth)
      .send({ utterances: [...body.utterances, 'has my package shipped'], escalate: true });
    expect(updated.status).toBe(200);
    expect(updated.body.escalate).toBe(true);
    const list = await request(h.app).get('/api/intents').set('Authorization', admin.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ name: 'order_status', utteranceCount: 3, accuracy: null })]);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.model).toBeNull();
    await request(h.app).delete('/api/intents/order_status').set('Authorization', admin.auth).expect(204);
    expect((await request(h.app).get('/api/intents/order_status').set('Authorization', admin.auth)).status).toBe(404);
    expect((await request(h.app).delete('/api/intents/order_status').set('Authorization', admin.auth)).body.error.code).toBe('ERR_INTENT_NOT_FOUND');
    const actions = (await h.stores.audit.list()).items.map((e) => e.action).sort();
    expect(actions).toEqual(['intent.create', 'intent.delete', 'intent.update']);
  });

  it('validates strictly: bad names, unknown keys, renames through PUT', async () => {
    const bad = await request(h.app).post('/api/intents').set('Authorization', admin.auth).send({ name: 'has space', utterances: [] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    const extra = await request(h.app).post('/api/intents').set('Authorization', admin.auth).send({ name: 'ok', utterances: [], priority: 1 });
    expect(extra.body.error.code).toBe('ERR_VALIDATION');
    await request(h.app).post('/api/intents').set('Authorization', admin.auth).send({ name: 'ok', utterances: ['hi'] }).expect(201);
    const rename = await request(h.app).put('/api/intents/ok').set('Authorization', admin.auth).send({ name: 'other', utterances: ['hi'] });
    expect(rename.body.error.code).toBe('ERR_VALIDATION');
    expect((await request(h.app).put('/api/intents/missing').set('Authorization', admin.auth).send({ utterances: ['x'] })).status).toBe(404);
  });
});

describe('intent forms', () => {
  const form = {
    name: 'return_item',
    utterances: ['I want to return something'],
    answer: 'Return for {{order}} ({{reason}}) started; label sent to {{email}}.',
    slots: [
      { name: 'order', entity: 'order_id', prompt: 'Which order is it?' },
      { name: 'reason', entity: 'return_reason' },
      { name: 'email', entity: 'email', required: false },
    ],
    confirm: 'Start a return for {{order}}?',
  };

  it('stores slots and confirm once every entity exists, and lists a form whose entity was deleted since', async () => {
    const refused = await request(h.app).post('/api/intents').set('Authorization', admin.auth).send(form);
    expect([refused.status, refused.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(refused.body.error.details.issues).toEqual([{ path: 'slots.1.entity', message: expect.stringContaining('Unknown entity "return_reason"') }]);
    const reason = { name: 'return_reason', type: 'enum', options: [{ value: 'damaged', synonyms: ['broken'] }] };
    await request(h.app).post('/api/entities').set('Authorization', admin.auth).send(reason).expect(201);
    const created = await request(h.app).post('/api/intents').set('Authorization', admin.auth).send(form).expect(201);
    expect(created.body).toEqual(form);
    expect((await request(h.app).get('/api/intents/return_item').set('Authorization', admin.auth)).body).toEqual(form);
    await request(h.app).delete('/api/entities/return_reason').set('Authorization', admin.auth).expect(204);
    const list = await request(h.app).get('/api/intents').set('Authorization', admin.auth).expect(200);
    expect(list.body.items[0]).toMatchObject({ name: 'return_item', unknownEntities: ['return_reason'] });
    const put = await request(h.app).put('/api/intents/return_item').set('Authorization', admin.auth).send({ ...form, name: undefined });
    expect(put.body.error.details.issues[0].path).toBe('slots.1.entity');
  });

  it('refuses malformed slots with a path per problem', async () => {
    const send = (body: object) => request(h.app).post('/api/intents').set('Authorization', admin.auth).send({ name: 'f', utterances: ['x'], ...body });
    const paths = async (body: object) => {
      const res = await send(body);
      expect(res.status).toBe(400);
      return (res.body.error.details.issues as { path: string }[]).map((i) => i.path);
    };
    expect(await paths({ slots: [{ name: 'a', entity: 'email' }, { name: 'a', entity: 'phone' }] })).toEqual(['slots.1.name']);
    expect(await paths({ slots: [{ name: 'a b', entity: 'email' }] })).toEqual(['slots.0.name']);
    expect(await paths({ slots: [{ name: 'a', entity: 'email', colour: 'red' }] })).toEqual(['slots.0']);
    expect(await paths({ slots: [{ name: 'a', entity: 'email' }], answer: 'Sent to {{b}}' })).toEqual(['answer']);
    expect(await paths({ slots: [{ name: 'a', entity: 'email', required: 'yes' }] })).toEqual(['slots.0.required']);
    expect(await paths({ confirm: '' })).toEqual(['confirm']);
  });
});

describe('/api/entities', () => {
  it('manages enum and regex entities', async () => {
    const e = { name: 'plan', type: 'enum', options: [{ value: 'pro', synonyms: ['professional'] }] };
    expect((await request(h.app).post('/api/entities').set('Authorization', admin.auth).send(e)).status).toBe(201);
    const regex = { name: 'order_id', type: 'regex', pattern: '#?\\d{5,}' };
    await request(h.app).post('/api/entities').set('Authorization', admin.auth).send(regex).expect(201);
    const put = await request(h.app).put('/api/entities/plan').set('Authorization', admin.auth).send({ type: 'enum', options: [{ value: 'basic' }] });
    expect(put.body.options).toEqual([{ value: 'basic', synonyms: [] }]);
    const list = await request(h.app).get('/api/entities').set('Authorization', admin.auth);
    expect(list.body.items.map((x: { name: string }) => x.name).sort()).toEqual(['order_id', 'plan']);
    const invalid = await request(h.app).post('/api/entities').set('Authorization', admin.auth).send({ name: 'x', type: 'enum', options: [] });
    expect(invalid.body.error.code).toBe('ERR_VALIDATION');
    await request(h.app).delete('/api/entities/plan').set('Authorization', admin.auth).expect(204);
    expect((await request(h.app).get('/api/entities/plan').set('Authorization', admin.auth)).body.error.code).toBe('ERR_ENTITY_NOT_FOUND');
  });
});

describe('training jobs', () => {
  it('trains as a job with progress to done, then the intents list shows the live model', async () => {
    for (const intent of demoIntents) await h.stores.intents.putIntent(intent);
    const start = await request(h.app).post('/api/nlu/train').set('Authorization', admin.auth);
    expect(start.status).toBe(202);
    const job = await waitForJob(start.body.jobId as string);
    expect(job).toMatchObject({ state: 'done', progress: 1, result: { activated: true } });
    const list = await request(h.app).get('/api/intents').set('Authorization', admin.auth);
    expect(list.body.model.version).toBe(job.result?.version);
    expect(typeof list.body.model.heldOutAccuracy).toBe('number');
    const actions = (await h.stores.audit.list()).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['nlu.train', 'nlu.train.finished']));
  });

  it('a training request while one runs joins one queued follow-up and never fails for "already running"', async () => {
    for (const intent of demoIntents) await h.stores.intents.putIntent(intent);
    // The real nlu, with the first training held at a gate so the requests surely overlap it.
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let calls = 0;
    const nlu = { ...h.nlu, train: async (o?: Parameters<typeof h.nlu.train>[0]) => (++calls === 1 && (await gate), h.nlu.train(o)) };
    const g = await openAdminHarness({ nlu });
    try {
      const auth = (await g.staff('admin')).auth;
      const post = async () => (await request(g.app).post('/api/nlu/train').set('Authorization', auth).expect(202)).body as { jobId: string; state: string };
      const first = await post();
      const poll = async (id: string) => (await request(g.app).get(`/api/jobs/${id}`).set('Authorization', auth)).body as { state: string; result?: { version: string } };
      while ((await poll(first.jobId)).state !== 'running') await new Promise((r) => setTimeout(r, 10));
      const [second, third] = [await post(), await post()];
      expect(second.state).toBe('queued');
      expect(third.jobId).toBe(second.jobId);
      expect(second.jobId).not.toBe(first.jobId);
      expect((await poll(second.jobId)).state).toBe('queued');
      open();
      let b = await poll(second.jobId);
      while (b.state !== 'done' && b.state !== 'failed') (await new Promise((r) => setTimeout(r, 50)), (b = await poll(second.jobId)));
      const a = await poll(first.jobId);
      expect([a.state, b.state]).toEqual(['done', 'done']);
      expect(b.result?.version).not.toBe(a.result?.version);
      expect(calls).toBe(2);
    } finally {
      await g.close();
    }
  });

  it('a failing training reports the reason and leaves no live model change', async () => {
    await h.stores.intents.putIntent({ name: 'empty', utterances: [] });
    const start = await request(h.app).post('/api/nlu/train').set('Authorization', admin.auth).expect(202);
    const job = await waitForJob(start.body.jobId as string);
    expect(job.state).toBe('failed');
    expect(job.error).toBeTruthy();
    expect(await h.stores.nluModels.active()).toBeNull();
    expect((await request(h.app).get('/api/jobs/unknown').set('Authorization', admin.auth)).body.error.code).toBe('ERR_JOB_NOT_FOUND');
  });
});
