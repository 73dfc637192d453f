import type { KeyValueStore } from '../../core/index.js';
import type { AdminModels, KvDoc } from './admin-models.js';

/** `_id` is the (namespace, key) pair so a put is one idempotent upsert. */
const idOf = (namespace: string, key: string) => JSON.stringify([namespace, key]);

export function createKvStore(m: AdminModels): KeyValueStore {
  return {
    async get<T = unknown>(namespace: string, key: string): Promise<T | null> {
      const d = await m.kv.findOne({ _id: idOf(namespace, key) }).lean<KvDoc>();
      return d ? (JSON.parse(d.value) as T) : null;
    },
    async put(namespace, key, value) {
      // JSON text: values may hold keys Mongo refuses ($, dots) and undefined reads back as null.
      await m.kv.updateOne(
        { _id: idOf(namespace, key) },
        { $set: { namespace, key, value: JSON.stringify(value ?? null), updatedAt: new Date().toISOString() } },
        { upsert: true },
      );
    },
    async delete(namespace, key) {
      await m.kv.deleteOne({ _id: idOf(namespace, key) });
    },
    async keys(namespace) {
      const docs = await m.kv.find({ namespace }, { key: 1 }).sort({ key: 1 }).lean<Pick<KvDoc, 'key'>[]>();
      return docs.map((d) => d.key);
    },
  };
}
