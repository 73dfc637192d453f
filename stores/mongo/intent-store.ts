import { ParleyError, type IntentStore } from '../../core/index.js';
import type { AdminModels, NamedDoc } from './admin-models.js';
import { entityFromDoc, intentFromDoc } from '../shared/intent-docs.js';

export function createIntentStore(m: AdminModels): IntentStore {
  const put = async (model: AdminModels['intents'], name: string, value: unknown) => {
    await model.updateOne({ _id: name }, { $set: { doc: JSON.stringify(value) } }, { upsert: true });
  };
  const all = async <T>(model: AdminModels['intents'], read: (doc: string) => T) =>
    (await model.find({}).sort({ _id: 1 }).lean<NamedDoc[]>()).map((d) => read(d.doc));

  return {
    listIntents: () => all(m.intents, intentFromDoc),
    async getIntent(name) {
      const d = await m.intents.findOne({ _id: name }).lean<NamedDoc>();
      return d ? intentFromDoc(d.doc) : null;
    },
    async putIntent(intent) {
      await put(m.intents, intent.name, intent);
      return intent;
    },
    async deleteIntent(name) {
      if ((await m.intents.deleteOne({ _id: name })).deletedCount === 0) {
        throw new ParleyError('ERR_INTENT_NOT_FOUND', { name });
      }
    },
    listEntities: () => all(m.entities, entityFromDoc),
    async putEntity(entity) {
      await put(m.entities, entity.name, entity);
      return entity;
    },
    async deleteEntity(name) {
      if ((await m.entities.deleteOne({ _id: name })).deletedCount === 0) {
        throw new ParleyError('ERR_ENTITY_NOT_FOUND', { name });
      }
    },
  };
}
