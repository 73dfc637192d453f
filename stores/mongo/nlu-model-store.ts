import { ParleyError, type NluModelRecord, type NluModelStore } from '../../core/index.js';
import type { AdminModels, NluModelDoc, PointerDoc } from './admin-models.js';

type ModelInfo = Omit<NluModelRecord, 'data'>;

export const ACTIVE_MODEL = 'active_model';

const toInfo = (d: Omit<NluModelDoc, 'data'>, active: string | null): ModelInfo => ({
  version: d._id,
  createdAt: d.createdAt,
  metrics: JSON.parse(d.metrics) as Record<string, unknown>,
  active: d._id === active,
});

/**
 * The live model is named by one pointer document: activation is a single atomic write,
 * so there is never a moment with no active model or two.
 */
export function createNluModelStore(m: AdminModels): NluModelStore {
  const activeVersion = async (): Promise<string | null> => {
    const p = await m.pointers.findOne({ _id: ACTIVE_MODEL }).lean<PointerDoc>();
    if (p) return p.version;
    // Data from before the pointer (the start-up migration normally creates it).
    const legacy = await m.nluModels.findOne({ active: true }, { _id: 1 }).lean<{ _id: string }>();
    return legacy?._id ?? null;
  };
  const get = async (version: string, active?: string | null) => {
    const d = await m.nluModels.findOne({ _id: version }).lean<NluModelDoc>();
    return d ? { ...toInfo(d, active === undefined ? await activeVersion() : active), data: d.data } : null;
  };

  return {
    async save(model) {
      // Saving a version again replaces its data; whether it is live is the pointer's business.
      await m.nluModels.updateOne(
        { _id: model.version },
        { $set: { createdAt: model.createdAt, data: model.data, metrics: JSON.stringify(model.metrics) } },
        { upsert: true },
      );
    },
    async activate(version) {
      if (!(await m.nluModels.exists({ _id: version }))) throw new ParleyError('ERR_NLU_MODEL_NOT_FOUND', { version });
      await m.pointers.updateOne({ _id: ACTIVE_MODEL }, { $set: { version } }, { upsert: true });
    },
    async active() {
      const version = await activeVersion();
      return version === null ? null : get(version, version);
    },
    get: (version) => get(version),
    async list(limit = 50) {
      const n = Math.max(1, Math.min(1000, Math.floor(limit)));
      const [docs, active] = await Promise.all([
        m.nluModels.find({}, { data: 0 }).sort({ createdAt: -1, _id: -1 }).limit(n).lean<NluModelDoc[]>(),
        activeVersion(),
      ]);
      return docs.map((d) => toInfo(d, active));
    },
  };
}
