import { isParleyError, toErrorBody } from '../errors.js';
import type { Logger } from '../ports/logger.js';

type AckFn = (response: unknown) => void;

export interface AckOptions {
  /** Named in the log line of an unexpected failure. */
  event: string;
  logger?: Pick<Logger, 'error'>;
}

/**
 * The one adapter from an async handler to a socket.io listener (both namespaces): socket.io passes the payload
 * first and the ack callback last (alone when the client sent no payload). Success acks `{ ok: true, ...result }`,
 * failures `{ ok: false, error }` in the common shape; internals never leak and nothing is thrown at socket.io.
 * Only unexpected errors are logged (catalogue errors are the protocol working).
 */
export function withAck(handler: (payload: unknown) => Promise<object | void>, options: AckOptions): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const last = args.at(-1);
    const ack: AckFn | undefined = typeof last === 'function' ? (last as AckFn) : undefined;
    const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
    handler(payload).then(
      (result) => ack?.({ ok: true, ...(result ?? {}) }),
      (err: unknown) => {
        if (!isParleyError(err)) options.logger?.error({ err, event: options.event }, 'socket event failed');
        ack?.({ ok: false, error: toErrorBody(err).body });
      },
    );
  };
}
