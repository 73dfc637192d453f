import { afterEach, describe, expect, it } from '@jest/globals';
import type { Bus } from '../../core/index.js';
import { createInProcessBus } from './in-process-bus.js';
import { createRedisBus } from './redis-bus.js';

const redisUrl = process.env.REDIS_TEST_URL;
if (!redisUrl) console.log('skip: Redis bus contract needs REDIS_TEST_URL (a running redis-server)');
const quiet = { warn: () => undefined };
const next = <T>(bus: Bus, topic: string): Promise<T> => new Promise((resolve) => { const off = bus.subscribe(topic, (p) => (off(), resolve(p as T))); });
const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms));

const adapters: [string, () => Promise<Bus>][] = [['in-process', async () => createInProcessBus()]];
if (redisUrl) adapters.push(['redis', () => createRedisBus(redisUrl, quiet)]);

describe.each(adapters)('Bus contract: %s', (_name, open) => {
  const opened: Bus[] = [];
  const bus = async () => {
    const b = await open();
    opened.push(b);
    return b;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((b) => b.close()));
  });

  it('delivers a published payload to every subscriber of its topic, the publisher included', async () => {
    const b = await bus();
    const first = next<{ ids: string[] }>(b, 'faq.changed');
    const second = next<{ ids: string[] }>(b, 'faq.changed');
    await settle(); // Redis subscriptions are asynchronous
    await b.publish('faq.changed', { ids: ['a', 'b'] });
    expect(await first).toEqual({ ids: ['a', 'b'] });
    expect(await second).toEqual({ ids: ['a', 'b'] });
  });

  it('keeps topics apart and stops delivering after unsubscribe', async () => {
    const b = await bus();
    const seen: unknown[] = [];
    const off = b.subscribe('nlu.model.activated', (p) => seen.push(p));
    const other = next(b, 'faq.changed');
    await settle();
    await b.publish('faq.changed', { ids: [] });
    await other;
    await b.publish('nlu.model.activated', { version: 'v1' });
    await settle();
    off();
    await b.publish('nlu.model.activated', { version: 'v2' });
    await settle();
    expect(seen).toEqual([{ version: 'v1' }]);
  });

  it('hands each subscriber its own copy: a handler changes neither the publisher\'s object nor another handler\'s', async () => {
    const b = await bus();
    const mutated = new Promise<void>((resolve) => b.subscribe('t', (p) => ((p as { n: number }).n = 99, resolve())));
    const seen = next<{ n: number }>(b, 't');
    await settle();
    const payload = { n: 1 };
    await b.publish('t', payload);
    await mutated;
    expect((await seen).n).toBe(1);
    expect(payload.n).toBe(1);
  });
});

(redisUrl ? describe : describe.skip)('Redis bus across nodes', () => {
  it("a message published by one node reaches another node's subscribers", async () => {
    const a = await createRedisBus(redisUrl!, quiet);
    const b = await createRedisBus(redisUrl!, quiet);
    try {
      const heard = next<{ version: string }>(b, 'nlu.model.activated');
      await settle();
      await a.publish('nlu.model.activated', { version: 'v7' });
      expect(await heard).toEqual({ version: 'v7' });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
