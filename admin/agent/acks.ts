import { toErrorBody } from '../../core/index.js';
import type { AdminLogger } from '../deps.js';

type Ack = (body: Record<string, unknown>) => void;

/**
 * Wraps an agent event handler: socket.io passes the ack as the last argument
 * (first when the client sent no payload). Success -> `{ ok: true, ...result }`,
 * any error -> `{ ok: false, error }` in the common shape; internals never leak.
 */
export function withAck(logger: AdminLogger, event: string, handler: (payload: unknown) => Promise<Record<string, unknown> | void>) {
  return (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack: Ack | null = typeof last === 'function' ? (last as Ack) : null;
    const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
    handler(payload).then(
      (result) => ack?.({ ok: true, ...(result ?? {}) }),
      (err: unknown) => {
        const { status, body } = toErrorBody(err);
        if (status >= 500) logger.error({ err, event }, 'agent event failed');
        ack?.({ ok: false, error: body });
      },
    );
  };
}
