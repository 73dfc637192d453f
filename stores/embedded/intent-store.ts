import { ParleyError, type IntentStore } from '../../core/index.js';
import type { Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';
import { entityFromDoc, intentFromDoc } from '../shared/intent-docs.js';

interface DocRow {
  doc: string;
}

/** Intents and entities are small documents keyed by name: one JSON column each. */
export function createIntentStore(db: Db): IntentStore {
  const tx = loopTransaction(db);
  const intents = db.prepare<[], DocRow>('SELECT doc FROM intents ORDER BY name');
  const intent = db.prepare<[string], DocRow>('SELECT doc FROM intents WHERE name = ?');
  const putIntent = db.prepare(
    'INSERT INTO intents (name, doc) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET doc = excluded.doc',
  );
  const delIntent = db.prepare('DELETE FROM intents WHERE name = ?');
  const entities = db.prepare<[], DocRow>('SELECT doc FROM entities ORDER BY name');
  const putEntity = db.prepare(
    'INSERT INTO entities (name, doc) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET doc = excluded.doc',
  );
  const delEntity = db.prepare('DELETE FROM entities WHERE name = ?');

  return {
    async listIntents() {
      return intents.all().map((r) => intentFromDoc(r.doc));
    },
    async getIntent(name) {
      const r = intent.get(name);
      return r ? intentFromDoc(r.doc) : null;
    },
    async putIntent(value) {
      await tx.durable(() => putIntent.run(value.name, JSON.stringify(value)));
      return value;
    },
    async deleteIntent(name) {
      const { changes } = await tx.durable(() => delIntent.run(name));
      if (changes === 0) throw new ParleyError('ERR_INTENT_NOT_FOUND', { name });
    },
    async listEntities() {
      return entities.all().map((r) => entityFromDoc(r.doc));
    },
    async putEntity(value) {
      await tx.durable(() => putEntity.run(value.name, JSON.stringify(value)));
      return value;
    },
    async deleteEntity(name) {
      const { changes } = await tx.durable(() => delEntity.run(name));
      if (changes === 0) throw new ParleyError('ERR_ENTITY_NOT_FOUND', { name });
    },
  };
}
