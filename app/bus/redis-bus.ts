import { Redis } from 'ioredis';
import type { Bus } from '../../core/index.js';

export interface RedisBusLogger {
  warn(o: object, msg?: string): void;
}

const PREFIX = 'parley:bus:';

/** Messages published while Redis is down, kept for the reconnect (bus messages are rare: FAQ, model, staff, erase). */
const OUTBOX_LIMIT = 1000;

/**
 * Several nodes: Redis pub/sub, one channel per topic. Subscribers treat messages as hints and re-read the store (a
 * node also re-reads everything when it starts). While Redis is down a node keeps working alone: publish resolves at
 * once and the message waits in a bounded outbox; once reconnected (ioredis retries and re-subscribes by itself) the
 * outbox is published after `resendAfterMs`, so the other nodes, reconnecting on their own schedule, catch up.
 */
export async function createRedisBus(url: string, logger: RedisBusLogger, opts: { resendAfterMs?: number } = {}): Promise<Bus> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const outbox: [string, string][] = [];
  let resend: NodeJS.Timeout | undefined;
  const flush = async (): Promise<void> => {
    while (outbox.length > 0 && pub.status === 'ready') {
      const [channel, json] = outbox[0] ?? ['', ''];
      await pub.publish(channel, json);
      outbox.shift();
    }
  };
  const keep = (message: [string, string]): void => {
    outbox.push(message);
    if (outbox.length > OUTBOX_LIMIT) outbox.shift();
  };
  pub.on('ready', () => {
    if (outbox.length === 0) return;
    clearTimeout(resend);
    resend = setTimeout(() => void flush().catch((err: unknown) => logger.warn({ err: String(err) }, 'bus: resend failed')), opts.resendAfterMs ?? 2000);
    resend.unref();
  });
  pub.on('error', (err: Error) => logger.warn({ err: err.message }, 'bus: redis error'));
  sub.on('error', (err: Error) => logger.warn({ err: err.message }, 'bus: redis error'));
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
      const message: [string, string] = [PREFIX + topic, JSON.stringify(payload ?? null)];
      if (pub.status !== 'ready') return keep(message);
      try {
        await pub.publish(...message);
      } catch (err) {
        logger.warn({ topic, err: String(err) }, 'bus: redis unreachable, message kept for the reconnect');
        keep(message);
      }
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
      clearTimeout(resend);
      handlers.clear();
      await Promise.all([pub.quit().catch(() => undefined), sub.quit().catch(() => undefined)]);
    },
  };
}
