import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import { loadConfig } from '../app/config.js';
import { createLogger } from '../app/logger.js';
import { composeApp, type ParleyApp } from '../app/compose.js';

// Two Parley nodes behind one Redis (socket.io Redis adapter): a customer on node A hears
// the agent who answers on node B. Needs a Redis server; .ci/run starts one when Debian has it.
const redisUrl = process.env.REDIS_TEST_URL;
const maybe = redisUrl ? describe : describe.skip;
if (!redisUrl) console.log('skip: scale-out test needs REDIS_TEST_URL (a running redis-server)');

maybe('two nodes with REDIS_URL', () => {
  const nodes: ParleyApp[] = [];
  const urls: string[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-scale-'));
    const env = { DATA_DIR: dataDir, MODELS_DIR: join(dataDir, 'models'), PORT: '0', REDIS_URL: redisUrl, DEMO_CONTENT: 'false', ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };
    for (let i = 0; i < 2; i++) {
      const app = await composeApp(loadConfig(env), createLogger('silent'));
      urls.push(await app.listen());
      nodes.push(app);
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const n of nodes) await n.close('test');
  });

  const open = (url: string, nsp: string, auth: object): Promise<Socket> => {
    const s = connect(`${url}${nsp}`, { transports: ['websocket'], auth, reconnection: false });
    sockets.push(s);
    return new Promise((resolve, reject) => {
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
  };

  it('delivers an agent reply from node B to the customer on node A', async () => {
    const customer = await open(urls[0]!, '/widget', {});
    const escalated = await customer.emitWithAck('escalate', { reason: 'scale-out test' });
    expect(escalated).toMatchObject({ ok: true, state: 'queued' });

    const login = await request(nodes[1]!.http).post('/api/auth/login').send({ email: 'admin@example.com', password: 'correct horse battery' }).expect(200);
    const agent = await open(urls[1]!, '/agent', { token: login.body.token });
    expect(await agent.emitWithAck('claim', { conversationId: escalated.conversationId })).toMatchObject({ ok: true });

    const heard = new Promise<{ author: string; text: string }>((resolve) => {
      customer.on('message', (m: { author: string; text: string }) => {
        if (m.author === 'agent') resolve(m);
      });
    });
    expect(await agent.emitWithAck('message', { conversationId: escalated.conversationId, clientMessageId: 'a-1', text: 'Hi from node B' })).toMatchObject({ ok: true, duplicate: false });
    expect(await heard).toMatchObject({ author: 'agent', text: 'Hi from node B' });
  });

  const admin = async (node: ParleyApp) =>
    `Bearer ${(await request(node.http).post('/api/auth/login').send({ email: 'admin@example.com', password: 'correct horse battery' }).expect(200)).body.token as string}`;
  /** Polls until `check` passes (the bus is asynchronous), failing with the last error after 10 s. */
  async function eventually(check: () => Promise<void>): Promise<void> {
    const until = Date.now() + 10_000;
    for (;;) {
      try {
        return await check();
      } catch (err) {
        if (Date.now() > until) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  it('an FAQ entry added, changed and deleted on node A is answered, changed and gone on node B', async () => {
    const [a, b] = [await admin(nodes[0]!), await admin(nodes[1]!)];
    const ask = async (text: string) => (await request(nodes[1]!.http).post('/api/nlu/test').set('Authorization', b).send({ text }).expect(200)).body.faq.hits as { faqId: string; answer: string }[];
    const created = await request(nodes[0]!.http).post('/api/faqs').set('Authorization', a).send({ question: 'Do you sell gift vouchers?', answer: 'Yes, from 10 EUR.' }).expect(201);
    const id = created.body.id as string;
    await eventually(async () => expect((await ask('Do you sell gift vouchers?'))[0]).toMatchObject({ faqId: id, answer: 'Yes, from 10 EUR.' }));
    await request(nodes[0]!.http).put(`/api/faqs/${id}`).set('Authorization', a).send({ question: 'Do you sell gift vouchers?', answer: 'Yes, from 5 EUR.' }).expect(200);
    await eventually(async () => expect((await ask('Do you sell gift vouchers?'))[0]).toMatchObject({ faqId: id, answer: 'Yes, from 5 EUR.' }));
    await request(nodes[0]!.http).delete(`/api/faqs/${id}`).set('Authorization', a).expect(204);
    await eventually(async () => expect((await ask('Do you sell gift vouchers?')).map((h) => h.faqId)).not.toContain(id));
  });

  it('a model trained on node A is followed from node B and then serves on node B', async () => {
    const [a, b] = [await admin(nodes[0]!), await admin(nodes[1]!)];
    const utterances = ['where is my parcel', 'track my order', 'has my package shipped', 'when does my order arrive', 'order status please', 'is my delivery on the way'];
    await request(nodes[0]!.http).post('/api/intents').set('Authorization', a).send({ name: 'order_status', utterances, answer: 'Let me check.' }).expect(201);
    await request(nodes[0]!.http).post('/api/intents').set('Authorization', a).send({ name: 'opening_hours', utterances: ['when are you open', 'opening hours', 'are you open on sunday', 'what time do you close', 'business hours', 'when do you open tomorrow'], answer: '9-5.' }).expect(201);
    const { jobId } = (await request(nodes[0]!.http).post('/api/nlu/train').set('Authorization', a).expect(202)).body as { jobId: string };
    let version = '';
    await eventually(async () => {
      // Polled on node B: the job runs on A, its progress reaches B over the bus.
      const job = (await request(nodes[1]!.http).get(`/api/jobs/${jobId}`).set('Authorization', b).expect(200)).body as { state: string; result?: { version: string; activated: boolean } };
      expect(job.state).toBe('done');
      expect(job.result?.activated).toBe(true);
      version = job.result!.version;
    });
    await eventually(async () => {
      const res = (await request(nodes[1]!.http).post('/api/nlu/test').set('Authorization', b).send({ text: 'where is my parcel' }).expect(200)).body as { modelVersion: string; intent: { name: string } | null };
      expect(res.modelVersion).toBe(version);
      expect(res.intent?.name).toBe('order_status');
    });
  }, 60_000);
});
