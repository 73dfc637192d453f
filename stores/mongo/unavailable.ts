import { ParleyError } from '../../core/index.js';

/** Driver and mongoose errors that mean "the server cannot be reached right now". */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (UNREACHABLE.has(err.name)) return true;
  const labels = (err as { errorLabels?: unknown }).errorLabels;
  if (Array.isArray(labels) && labels.includes('NetworkError')) return true;
  // mongoose while (re)connecting with buffering on; kept for connections made elsewhere.
  return /buffering timed out|before initial connection is complete/.test(err.message);
}

const asParley = (err: unknown): unknown =>
  isUnavailable(err) ? new ParleyError('ERR_STORE_UNAVAILABLE', { reason: (err as Error).message }) : err;

function guardIterator<T>(it: AsyncIterator<T> & AsyncIterable<T>): AsyncGenerator<T> {
  return (async function* () {
    try {
      for (;;) {
        const step = await it.next();
        if (step.done) return;
        yield step.value;
      }
    } catch (err) {
      throw asParley(err);
    }
  })();
}

/**
 * Every method of a store port with outages reported as ERR_STORE_UNAVAILABLE (503)
 * instead of raw driver errors; async iterators (scans) are covered too.
 */
export function guardPort<T extends object>(port: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(port)) {
    if (typeof value !== 'function') {
      out[name] = value;
      continue;
    }
    out[name] = (...args: unknown[]) => {
      let result: unknown;
      try {
        result = (value as (...a: unknown[]) => unknown).apply(port, args);
      } catch (err) {
        throw asParley(err);
      }
      if (result instanceof Promise) return result.catch((err: unknown) => Promise.reject(asParley(err)));
      if (result && typeof result === 'object' && Symbol.asyncIterator in result) return guardIterator(result as AsyncGenerator<unknown>);
      return result;
    };
  }
  return out as T;
}
