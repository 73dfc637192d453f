import { ParleyError, type NluModelRecord, type NluModelStore } from '../../core/index.js';
import { isDuplicateKey, op } from './connection.js';
import type { AdminModels, NluModelDoc } from './admin-models.js';

type ModelInfo = Omit<NluModelRecord, 'data'>;

const toInfo = (d: Omit<NluModelDoc, 'data'>): ModelInfo => ({
  version: d._id,
  createdAt: d.createdAt,
  metrics: JSON.parse(d.metrics) as Record<string, unknown>,
  active: d.active === true,
});
const toRecord = (d: NluModelDoc): NluModelRecord => ({ ...toInfo(d), data: d.data });

export function createNluModelStore(m: AdminModels): NluModelStore {
  return {
    async save(model) {
      // Saving a version again replaces its data but keeps whether it is the live one.
      await m.nluModels.updateOne(
        { _id: model.version },
        { $set: { createdAt: model.createdAt, data: model.data, metrics: JSON.stringify(model.metrics) }, $setOnInsert: { active: false } },
        { upsert: true },
      );
    },
    async activate(version) {
      if (!(await m.nluModels.exists({ _id: version }))) throw new ParleyError('ERR_NLU_MODEL_NOT_FOUND', { version });
      // Two steps without a transaction: readers may briefly see no active model, never two
      // (the partial unique index on active:true refuses a second one; a racing activate retries).
      for (let attempt = 0; attempt < 5; attempt++) {
        await m.nluModels.updateMany({ active: true, _id: op({ $ne: version }) }, { $set: { active: false } });
        try {
          await m.nluModels.updateOne({ _id: version }, { $set: { active: true } });
          return;
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      throw new ParleyError('ERR_STORE_CONFLICT', { version });
    },
    async active() {
      const d = await m.nluModels.findOne({ active: true }).lean<NluModelDoc>();
      return d ? toRecord(d) : null;
    },
    async get(version) {
      const d = await m.nluModels.findOne({ _id: version }).lean<NluModelDoc>();
      return d ? toRecord(d) : null;
    },
    async list(limit = 50) {
      const n = Math.max(1, Math.min(1000, Math.floor(limit)));
      const docs = await m.nluModels.find({}, { data: 0 }).sort({ createdAt: -1, _id: -1 }).limit(n).lean<NluModelDoc[]>();
      return docs.map(toInfo);
    },
  };
}
