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
});
