import type { Socket } from 'socket.io-client';
import type { Ack } from './types.js';
import { t } from './i18n/index.js';

/** How long any emit waits for the server's ack before it counts as lost. */
export const ACK_TIMEOUT_MS = 10_000;

/** One request/ack round trip; being offline or getting no answer become ERR_UNAVAILABLE acks, so callers handle one shape. */
export function request<T>(socket: Socket | null, event: string, payload: unknown, done: (res: Ack<T>) => void): void {
  const fail = (message: string): void => done({ ok: false, error: { code: 'ERR_UNAVAILABLE', message } });
  if (!socket?.connected) return fail(t('errOffline'));
  socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (err: Error | null, res: Ack<T>) =>
    err ? fail(t('errNoAnswer')) : done(res),
  );
}
