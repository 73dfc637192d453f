import { ParleyError, type EntityDefinition, type Intent, type IntentStore } from '../../core/index.js';
import type { AdminModels, NamedDoc } from './admin-models.js';

export function createIntentStore(m: AdminModels): IntentStore {
  const put = async (model: AdminModels['intents'], name: string, value: unknown) => {
    await model.updateOne({ _id: name }, { $set: { doc: JSON.stringify(value) } }, { upsert: true });
  };
  const all = async <T>(model: AdminModels['intents']) =>
    (await model.find({}).sort({ _id: 1 }).lean<NamedDoc[]>()).map((d) => JSON.parse(d.doc) as T);

  return {
    listIntents: () => all<Intent>(m.intents),
    async getIntent(name) {
      const d = await m.intents.findOne({ _id: name }).lean<NamedDoc>();
      return d ? (JSON.parse(d.doc) as Intent) : null;
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
    listEntities: () => all<EntityDefinition>(m.entities),
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
