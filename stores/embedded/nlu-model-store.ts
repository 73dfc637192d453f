import { ParleyError, type NluModelRecord, type NluModelStore } from '../../core/index.js';
import type { Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';

interface ModelRow {
  version: string;
  created_at: string;
  data: string;
  metrics: string;
  active: number;
}

type ModelInfo = Omit<NluModelRecord, 'data'>;

const toInfo = (r: Omit<ModelRow, 'data'>): ModelInfo => ({
  version: r.version,
  createdAt: r.created_at,
  metrics: JSON.parse(r.metrics) as Record<string, unknown>,
  active: r.active === 1,
});
const toRecord = (r: ModelRow): NluModelRecord => ({ ...toInfo(r), data: r.data });

export function createNluModelStore(db: Db): NluModelStore {
  const tx = loopTransaction(db);
  // Saving a version again replaces its data but keeps whether it is the live one.
  const save = db.prepare(`INSERT INTO nlu_models (version, created_at, data, metrics) VALUES (?, ?, ?, ?)
    ON CONFLICT(version) DO UPDATE SET created_at = excluded.created_at, data = excluded.data, metrics = excluded.metrics`);
  const deactivate = db.prepare('UPDATE nlu_models SET active = 0 WHERE active = 1');
  const activate = db.prepare('UPDATE nlu_models SET active = 1 WHERE version = ?');
  const active = db.prepare<[], ModelRow>('SELECT * FROM nlu_models WHERE active = 1');
  const get = db.prepare<[string], ModelRow>('SELECT * FROM nlu_models WHERE version = ?');
  const list = db.prepare<[number], Omit<ModelRow, 'data'>>(
    'SELECT version, created_at, metrics, active FROM nlu_models ORDER BY created_at DESC, version DESC LIMIT ?',
  );

  return {
    async save(model) {
      await tx.durable(() => save.run(model.version, model.createdAt, model.data, JSON.stringify(model.metrics)));
    },
    async activate(version) {
      // One transaction: readers never see zero or two active models (the partial unique index agrees).
      await tx.durable(db.transaction(() => {
        if (!get.get(version)) throw new ParleyError('ERR_NLU_MODEL_NOT_FOUND', { version });
        deactivate.run();
        activate.run(version);
      }));
    },
    async active() {
      const r = active.get();
      return r ? toRecord(r) : null;
    },
    async get(version) {
      const r = get.get(version);
      return r ? toRecord(r) : null;
    },
    async list(limit = 50) {
      return list.all(Math.max(1, Math.min(1000, Math.floor(limit)))).map(toInfo);
    },
  };
}
