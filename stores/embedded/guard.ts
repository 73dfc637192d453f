import { ParleyError } from '../../core/index.js';

/** Driver errors that mean "the store cannot do this now" (disk, lock, I/O), not a bug or a constraint of ours. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|INTERRUPT|PROTOCOL|CORRUPT|NOTADB)/;

/**
 * By name, not instanceof: the native addon keeps the SqliteError class (and its realm's Error) of the first module
 * copy that loaded it, so neither instanceof SqliteError nor instanceof Error holds everywhere.
 */
function translate(err: unknown): unknown {
  const { name, code } = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && typeof code === 'string' && UNAVAILABLE.test(code)
    ? new ParleyError('ERR_STORE_UNAVAILABLE', { reason: code })
    : err;
}

/**
 * Wraps one port so a failing disk or a held lock reaches callers as the catalogue's ERR_STORE_UNAVAILABLE (503 on
 * HTTP, the code in a socket ack) instead of ERR_INTERNAL. Async generators (scans) pass through unchanged.
 */
export function guardPort<T extends object>(port: T): T {
  const out = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(port)) {
    if (typeof value !== 'function' || value.constructor.name === 'AsyncGeneratorFunction') {
      out[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => {
      try {
        const result = fn.apply(port, args);
        return result instanceof Promise ? result.catch((err: unknown) => Promise.reject(translate(err))) : result;
      } catch (err) {
        throw translate(err);
      }
    };
  }
  return out as T;
}
