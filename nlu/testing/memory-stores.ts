import type { EntityDefinition, Intent, IntentStore, NluModelRecord, NluModelStore } from '../../core/index.js';

/**
 * In-memory IntentStore and NluModelStore for nlu's own tests: nlu may only
 * import core, so it cannot use the SQLite adapter; these follow the port
 * contracts (upsert by name, one active model, newest first).
 */
export function memoryIntentStore(intents: Intent[] = [], entities: EntityDefinition[] = []): IntentStore {
  const byName = new Map(intents.map((i) => [i.name, structuredClone(i)]));
  const ents = new Map(entities.map((e) => [e.name, structuredClone(e)]));
  return {
    listIntents: async () => [...byName.values()].map((i) => structuredClone(i)),
    getIntent: async (name) => structuredClone(byName.get(name) ?? null),
    putIntent: async (intent) => {
      byName.set(intent.name, structuredClone(intent));
      return intent;
    },
    deleteIntent: async (name) => void byName.delete(name),
    listEntities: async () => [...ents.values()].map((e) => structuredClone(e)),
    putEntity: async (entity) => {
      ents.set(entity.name, structuredClone(entity));
      return entity;
    },
    deleteEntity: async (name) => void ents.delete(name),
  };
}

export function memoryModelStore(): NluModelStore & { records: NluModelRecord[] } {
  const records: NluModelRecord[] = [];
  return {
    records,
    save: async (model) => void records.unshift({ ...model, active: false }),
    activate: async (version) => {
      if (!records.some((r) => r.version === version)) throw new Error(`no model ${version}`);
      for (const r of records) r.active = r.version === version;
    },
    active: async () => records.find((r) => r.active) ?? null,
    get: async (version) => records.find((r) => r.version === version) ?? null,
    list: async (limit = 20) => records.slice(0, limit).map(({ data: _data, ...rest }) => rest),
  };
}
