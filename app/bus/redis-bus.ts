import { Redis } from 'ioredis';
import type { Bus } from '../../core/index.js';

export interface RedisBusLogger {
  warn(o: object, msg?: string): void;
}

const PREFIX = 'parley:bus:';

/**
 * Several nodes: Redis pub/sub, one channel per topic. Fire and forget, like
 * the in-process bus: a node that is down when a message is published misses
 * it, so subscribers treat messages as hints and re-read the store (a node
 * also re-reads everything when it starts).
 */
export async function createRedisBus(url: string, logger: RedisBusLogger): Promise<Bus> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  sub.on('message', (channel: string, raw: string) => {
    const set = handlers.get(channel.slice(PREFIX.length));
    if (!set || set.size === 0) return;
    try {
      for (const h of set) h(JSON.parse(raw));
    } catch (err) {
      logger.warn({ channel, err: String(err) }, 'bus: a message was not JSON or its handler threw');
    }
  });
  return {
    async publish(topic, payload) {
      await pub.publish(PREFIX + topic, JSON.stringify(payload ?? null));
    },
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
        sub.subscribe(PREFIX + topic).catch((err: unknown) => logger.warn({ topic, err: String(err) }, 'bus: subscribe failed'));
      }
      set.add(handler);
      return () => void set.delete(handler);
    },
    async close() {
      handlers.clear();
      await Promise.all([pub.quit().catch(() => undefined), sub.quit().catch(() => undefined)]);
    },
  };
}
