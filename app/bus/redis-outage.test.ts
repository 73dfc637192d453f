import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { io as connect, type Socket } from 'socket.io-client';
import type { Bus } from '../../core/index.js';
import { createSocketServer } from '../http/create-socket-server.js';
import { createRedisBus } from './redis-bus.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis) console.log('skip: Redis outage test needs the redis-server binary (.ci/run apt-installs it)');

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => quiet } as never;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await wait(50);
  }
};
const sparePort = () => new Promise<number>((resolve) => {
  const s = createNetServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as AddressInfo;
    s.close(() => resolve(port));
  });
});

interface Node {
  http: HttpServer;
  sockets: Awaited<ReturnType<typeof createSocketServer>>;
  bus: Bus;
  url: string;
}

(hasRedis ? describe : describe.skip)('Redis down with two nodes', () => {
  let port = 0;
  let redis: ChildProcess | undefined;
  const nodes: Node[] = [];
  const clients: Socket[] = [];

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    // Ready when it answers a PING (a lazy client's connect() fails at once while nothing listens yet).
    for (let attempt = 0; ; attempt += 1) {
      const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch (err) {
        if (attempt > 100) throw err;
        await wait(50);
      } finally {
        probe.disconnect();
      }
    }
  };
  const stopRedis = async () => {
    const r = redis;
    if (!r || r.exitCode !== null) return;
    await new Promise<void>((resolve) => (r.once('exit', () => resolve()), r.kill('SIGKILL')));
  };

  const startNode = async (): Promise<Node> => {
    const http = createServer();
    const sockets = await createSocketServer(http, { allowedOrigins: null, redisUrl: `redis://127.0.0.1:${port}`, logger: quiet });
    sockets.io.of('/t').on('connection', (socket) => {
      void socket.join('room');
      socket.on('ping', (n: number, ack: (r: number) => void) => ack(n + 1));
    });
    const bus = await createRedisBus(`redis://127.0.0.1:${port}`, quiet, { resendAfterMs: 300 });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const node = { http, sockets, bus, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/t` };
    nodes.push(node);
    return node;
  };
  const client = async (node: Node): Promise<{ socket: Socket; seen: string[] }> => {
    const socket = connect(node.url, { transports: ['websocket'], reconnection: false });
    const seen: string[] = [];
    socket.on('news', (s: string) => seen.push(s));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    clients.push(socket);
    return { socket, seen };
  };

  beforeAll(async () => {
    port = await sparePort();
    await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    for (const n of nodes) {
      await n.bus.close();
      await n.sockets.close();
    }
    await stopRedis();
  });

  it('each node keeps serving its own sockets, and the bus reconnects and catches up', async () => {
    const [one, two] = [await startNode(), await startNode()];
    const [a, b] = [await client(one), await client(two)];
    const heard: unknown[] = [];
    two.bus.subscribe('faq.changed', (p) => heard.push(p));
    await wait(200); // subscriptions are asynchronous

    // Healthy: a room broadcast on node one reaches node two's socket through Redis.
    one.sockets.io.of('/t').to('room').emit('news', 'before');
    await until(() => a.seen.includes('before') && b.seen.includes('before'));

    await stopRedis();
    await wait(300);
    // Alone: every node still answers and broadcasts to its own sockets.
    expect(await a.socket.timeout(2000).emitWithAck('ping', 1)).toBe(2);
    expect(await b.socket.timeout(2000).emitWithAck('ping', 41)).toBe(42);
    one.sockets.io.of('/t').to('room').emit('news', 'during-one');
    two.sockets.io.of('/t').to('room').emit('news', 'during-two');
    await until(() => a.seen.includes('during-one') && b.seen.includes('during-two'));
    // A bus message published while Redis is down neither fails its caller nor gets lost.
    await one.bus.publish('faq.changed', { ids: ['f1'] });

    await startRedis();
    await until(() => heard.length > 0);
    expect(heard).toEqual([{ ids: ['f1'] }]);
    // And the nodes are one again.
    await until(() => {
      one.sockets.io.of('/t').to('room').emit('news', 'after');
      return b.seen.includes('after');
    });
  }, 60_000);
});
