import mongoose, { type ConnectOptions, type Connection } from 'mongoose';
import { ParleyError } from '../../core/index.js';

/**
 * A dedicated connection (never the global one), failing fast when the server is away:
 * no command buffering in mongoose (an outage would otherwise surface as "buffering
 * timed out"), server selection gives up after 3 s and unavailable.ts reports
 * ERR_STORE_UNAVAILABLE. The driver reconnects by itself when the server is back.
 * Start-up retries `attempts` times with a doubling pause, for a server that starts
 * alongside the app (compose, Kubernetes).
 */
export async function openConnection(uri: string, dbName?: string, attempts = 5): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectOnce(uri, dbName);
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(8000, 500 * 2 ** attempt)));
    }
  }
}

async function connectOnce(uri: string, dbName?: string): Promise<Connection> {
  // Filters built from request data can never smuggle in query operators ($ne, $gt...);
  // our own operators are wrapped in mongoose.trusted().
  mongoose.set('sanitizeFilter', true);
  // sanitizeFilter is a connection option mongoose reads at runtime
  // (lib/drivers/node-mongodb-native/connection.js) but its ConnectOptions type omits.
  const options: ConnectOptions & { sanitizeFilter: boolean } = {
    bufferCommands: false,
    serverSelectionTimeoutMS: 3000,
    sanitizeFilter: true,
    ...(dbName ? { dbName } : {}),
    // Acknowledged = durable: majority write concern, journaled.
    writeConcern: { w: 'majority', journal: true },
    // Indexes are built explicitly (and awaited) by openMongoStores.
    autoIndex: false,
  };
  const conn = mongoose.createConnection(uri, options);
  try {
    await conn.asPromise();
  } catch (err) {
    await conn.close().catch(() => undefined);
    throw new ParleyError('ERR_STORE_UNAVAILABLE', { reason: (err as Error).message });
  }
  return conn;
}

/** Operators we write ourselves, exempt from sanitizeFilter. */
export const op = <T extends object>(value: T): T => mongoose.trusted(value) as T;

/**
 * Equality on a field behind a partial index `{ field: { $type: 'string' } }`. The planner
 * only uses a partial index when the query implies its filter, and it does not derive
 * `$type` from an equality: repeating the predicate keeps the lookup an index seek
 * (index-coverage.test.ts checks every hot query).
 */
export const stringEq = (value: string) => op({ $eq: value, $type: 'string' as const });

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 11000;
}

/** Lean documents carry `_id`; the domain objects call it `id`. */
export function withId<T extends { _id: string }>(doc: T): Omit<T, '_id'> & { id: string } {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}
