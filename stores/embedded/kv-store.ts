import type { FieldCipher, KeyValueStore } from '../../core/index.js';
import { loopTransaction } from './loop-transaction.js';
import type { Db } from './open-database.js';

/** Values are sealed at rest: pending slots and channel references carry what customers typed and where they are. */
export function createKvStore(db: Db, cipher: FieldCipher): KeyValueStore {
  const tx = loopTransaction(db);
  const get = db.prepare<[string, string], { value: string }>('SELECT value FROM kv WHERE namespace = ? AND key = ?');
  const put = db.prepare(`INSERT INTO kv (namespace, key, value, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(namespace, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const del = db.prepare('DELETE FROM kv WHERE namespace = ? AND key = ?');
  const keys = db.prepare<[string], { key: string }>('SELECT key FROM kv WHERE namespace = ? ORDER BY key');
  return {
    async get<T = unknown>(namespace: string, key: string): Promise<T | null> {
      const r = get.get(namespace, key);
      return r ? (JSON.parse(cipher.decrypt(r.value)) as T) : null;
    },
    async put(namespace, key, value) {
      // undefined is not JSON: storing it would read back as a parse error.
      // KV holds derived or re-creatable state (pending bot slots, rollups, models, channel
      // references) written on hot paths: relaxed durability (see loop-transaction.ts).
      tx.relaxed(() => put.run(namespace, key, cipher.encrypt(JSON.stringify(value ?? null)), new Date().toISOString()));
    },
    async delete(namespace, key) {
      tx.relaxed(() => del.run(namespace, key));
    },
    async keys(namespace) {
      return keys.all(namespace).map((r) => r.key);
    },
  };
}
