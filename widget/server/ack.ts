import { isParleyError, toErrorBody } from '../../core/index.js';
import type { WidgetLogger } from './types.js';

type AckFn = (response: unknown) => void;

/**
 * Adapts an async handler to a socket.io listener: the payload is the first
 * argument, the ack callback (if any) the last. Success acks `{ ok: true, ...result }`,
 * failures `{ ok: false, error }` in the common shape; nothing is ever thrown at socket.io.
 */
export function withAck<T extends object>(
  handler: (payload: unknown) => Promise<T>,
  logger?: WidgetLogger,
  event = 'event',
): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const last = args.at(-1);
    const ack: AckFn | undefined = typeof last === 'function' ? (last as AckFn) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    handler(payload).then(
      (result) => ack?.({ ok: true, ...result }),
      (err: unknown) => {
        if (!isParleyError(err)) logger?.error({ err, event }, 'widget: handler failed');
        ack?.({ ok: false, error: toErrorBody(err).body });
      },
    );
  };
}
