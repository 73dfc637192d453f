import type { ApiKey, ApiKeyStore } from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import type { Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';

interface KeyRow {
  id: string;
  doc: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

const toKey = (r: KeyRow): ApiKey => ({ ...(JSON.parse(r.doc) as Omit<ApiKey, 'revokedAt' | 'lastUsedAt'>), id: r.id, revokedAt: r.revoked_at, lastUsedAt: r.last_used_at });

export function createApiKeyStore(db: Db): ApiKeyStore {
  const tx = loopTransaction(db);
  const insert = db.prepare('INSERT INTO api_keys (id, hash, doc) VALUES (?, ?, ?)');
  const byId = db.prepare<[string], KeyRow>('SELECT id, doc, revoked_at, last_used_at FROM api_keys WHERE id = ?');
  const byHash = db.prepare<[string], KeyRow>('SELECT id, doc, revoked_at, last_used_at FROM api_keys WHERE hash = ?');
  const first = db.prepare<[number], KeyRow>('SELECT id, doc, revoked_at, last_used_at FROM api_keys ORDER BY id DESC LIMIT ?');
  const after = db.prepare<[string, number], KeyRow>('SELECT id, doc, revoked_at, last_used_at FROM api_keys WHERE id < ? ORDER BY id DESC LIMIT ?');
  const revoke = db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const touch = db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?');
  const one = (row: KeyRow | undefined) => (row ? toKey(row) : null);

  return {
    async create({ hash, ...input }) {
      const now = Date.now();
      const key: ApiKey = { id: storeId(now), ...input, createdAt: new Date(now).toISOString(), revokedAt: null, lastUsedAt: null };
      const { id, name, scopes, prefix, createdAt, createdBy } = key;
      await tx.durable(() => insert.run(id, hash, JSON.stringify({ name, scopes, prefix, createdAt, createdBy })));
      return key;
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const cursor = decodeCursor(page.cursor);
      const rows = cursor === null ? first.all(limit + 1) : after.all(cursor, limit + 1);
      return toPage(rows, limit, toKey);
    },
    get: async (id) => one(byId.get(id)),
    findByHash: async (hash) => one(byHash.get(hash)),
    async revoke(id, at = new Date().toISOString()) {
      // Durable: a revoked key must stay revoked after a crash.
      await tx.durable(() => revoke.run(at, id));
      return one(byId.get(id));
    },
    async touch(id, at) {
      // Last-use is a convenience figure: no fsync wait on the hot path of every integration call.
      tx.relaxed(() => touch.run(at, id));
    },
  };
}
