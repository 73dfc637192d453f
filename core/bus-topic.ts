import { z } from 'zod';
import { newId } from './ids.js';
import type { Bus } from './ports/bus.js';

export interface BusTopicLogger {
  warn(obj: object, msg: string): void;
}

export interface BusTopic<T> {
  /** Fire and forget: a failed publish is logged, never thrown (other nodes catch up from the store when they start). */
  publish(message: T): void;
  close(): void;
}

/**
 * One topic of the cross-node bus as a node uses it. Each message carries the
 * sending node's origin; receivers validate the payload (other nodes are a
 * boundary: a malformed message is logged and dropped) and ignore their own
 * messages. Messages are hints: receivers re-read the shared store.
 */
export function busTopic<S extends z.ZodRawShape>(
  bus: Bus | undefined,
  topic: string,
  shape: S,
  log: BusTopicLogger,
  onRemote: (message: z.infer<z.ZodObject<S>>) => void,
): BusTopic<z.infer<z.ZodObject<S>>> {
  const origin = newId();
  const schema = z.strictObject({ origin: z.string().min(1).max(64), ...shape });
  const unsubscribe = bus
    ? bus.subscribe(topic, (raw) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) return log.warn({ issues: parsed.error.issues.length }, `ignoring a malformed ${topic} message`);
        const { origin: from, ...message } = parsed.data as { origin: string } & z.infer<z.ZodObject<S>>;
        if (from !== origin) onRemote(message as z.infer<z.ZodObject<S>>);
      })
    : () => undefined;
  return {
    publish(message) {
      bus?.publish(topic, { ...message, origin }).catch((err: unknown) =>
        log.warn({ topic, err: err instanceof Error ? err.message : String(err) }, `could not announce ${topic} to other nodes; they catch up when they start`),
      );
    },
    close: unsubscribe,
  };
}
