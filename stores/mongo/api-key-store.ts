import { Schema, type Connection, type Model } from 'mongoose';
import type { ApiKey, ApiKeyStore } from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { op } from './connection.js';

type ApiKeyDoc = Omit<ApiKey, 'id'> & { _id: string; hash: string };

const schema = new Schema<ApiKeyDoc>(
  { _id: String, hash: String, name: String, scopes: [String], prefix: String, createdAt: String, createdBy: String, revokedAt: { type: String, default: null }, lastUsedAt: { type: String, default: null } },
  { versionKey: false, strictQuery: 'throw', minimize: false },
);
schema.index({ hash: 1 }, { unique: true });

/** Its own model file: the key collection is small and only the gate and the admin routes read it. */
export const apiKeyModel = (conn: Connection): Model<ApiKeyDoc> => conn.model<ApiKeyDoc>('ApiKey', schema, 'api_keys');

const toKey = ({ _id, hash: _hash, ...rest }: ApiKeyDoc): ApiKey => ({ id: _id, ...rest, revokedAt: rest.revokedAt ?? null, lastUsedAt: rest.lastUsedAt ?? null });

export function createApiKeyStore(keys: Model<ApiKeyDoc>): ApiKeyStore {
  const one = async (filter: Record<string, unknown>) => {
    const d = await keys.findOne(filter).lean<ApiKeyDoc>();
    return d ? toKey(d) : null;
  };
  return {
    async create({ hash, ...input }) {
      const now = Date.now();
      const key: ApiKey = { id: storeId(now), ...input, createdAt: new Date(now).toISOString(), revokedAt: null, lastUsedAt: null };
      const { id, ...fields } = key;
      await keys.create({ _id: id, hash, ...fields });
      return key;
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeCursor(page.cursor);
      const docs = await keys.find(after === null ? {} : { _id: op({ $lt: after }) }).sort({ _id: -1 }).limit(limit + 1).lean<ApiKeyDoc[]>();
      return toPage(docs.map(toKey), limit, (x) => x);
    },
    get: (id) => one({ _id: id }),
    findByHash: (hash) => one({ hash }),
    async revoke(id, at = new Date().toISOString()) {
      await keys.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } });
      return one({ _id: id });
    },
    async touch(id, at) {
      await keys.updateOne({ _id: id }, { $set: { lastUsedAt: at } });
    },
  };
}
