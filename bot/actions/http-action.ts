import { DEFAULT_ACTION_TIMEOUT_MS, hmacHex, intentActionReplySchema, type HttpAction, type IntentActionReply } from '../../core/index.js';

/** A backend answer larger than this is refused while it streams in (never buffered whole). */
export const MAX_ACTION_RESPONSE_BYTES = 64 * 1024;

/** PROTOCOL.md "Intent actions": what a backend may answer (core/protocol, also what the OpenAPI document shows). */
export type ActionAnswer = IntentActionReply;

/** Why a call gave no usable answer; every one of them ends in the intent's fallback reply. */
export type ActionFailureReason =
  | 'timeout'
  | 'network'
  | 'status'
  | 'redirect'
  | 'too_large'
  | 'not_json'
  | 'schema'
  /** The circuit is open: the backend failed recently and is not called until the breaker half-opens. */
  | 'open'
  /** `maxConcurrent` calls of this action are already in flight. */
  | 'busy'
  | 'no_secret'
  | 'error';

export class ActionFailure extends Error {
  constructor(
    readonly reason: ActionFailureReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'ActionFailure';
  }
}

/**
 * One signed POST to an http action. `X-Parley-Signature` is the hex HMAC-SHA256 of exactly the bytes sent.
 * Redirects are refused (a signed request must not be replayed to a host nobody configured); the timeout covers
 * connecting, headers and body; the body is read in chunks and refused past 64 KB.
 */
export async function callHttpAction(action: HttpAction, body: string, secret: string): Promise<ActionAnswer> {
  const signal = AbortSignal.timeout(action.timeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(action.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal,
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-parley-signature': hmacHex(secret, body) },
    });
  } catch (err) {
    throw new ActionFailure(signal.aborted ? 'timeout' : 'network', err instanceof Error ? err.message : undefined);
  }
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
    await res.body?.cancel().catch(() => undefined);
    throw new ActionFailure('redirect', `HTTP ${res.status}`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new ActionFailure('status', `HTTP ${res.status}`);
  }
  const text = await readCapped(res, signal);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ActionFailure('not_json');
  }
  const parsed = intentActionReplySchema.safeParse(json);
  if (!parsed.success) throw new ActionFailure('schema', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 300));
  return parsed.data;
}

async function readCapped(res: Response, signal: AbortSignal): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > MAX_ACTION_RESPONSE_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw new ActionFailure('too_large', `content-length ${declared}`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_ACTION_RESPONSE_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new ActionFailure('too_large', `more than ${MAX_ACTION_RESPONSE_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof ActionFailure) throw err;
    throw new ActionFailure(signal.aborted ? 'timeout' : 'network', err instanceof Error ? err.message : undefined);
  }
  return Buffer.concat(chunks).toString('utf8');
}
