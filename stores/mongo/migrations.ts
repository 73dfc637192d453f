import type { Model } from 'mongoose';
import { ParleyError } from '../../core/index.js';
import { op } from './connection.js';
import { allModels, type MongoModels } from './build-stores.js';
import type { CrmModels, MessageDoc } from './crm-models.js';
import type { AdminModels, NluModelDoc } from './admin-models.js';
import type { FaultHook } from './fault-hook.js';
import { ACTIVE_MODEL } from './nlu-model-store.js';
import { resumeReassignments } from './reassign.js';

/** Index option or key changes: the server refuses createIndex for an existing name. */
const INDEX_CONFLICT = new Set([85, 86]);
/** Done once per database (counters collection); every step is also safe to run again. */
const DATA_MIGRATION = 'migration:messages-seq-customer';

/**
 * Builds the schema's indexes. When an index of the same name exists with other options
 * (an upgrade changed a partial filter or uniqueness), mongoose's syncIndexes drops the
 * changed ones and builds them anew instead of failing the start with a raw server error.
 * Note: syncIndexes also drops indexes on our collections that the schema no longer names.
 */
export async function migrateIndexes(model: Model<never>): Promise<'built' | 'migrated'> {
  try {
    await model.createIndexes();
    return 'built';
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (code === undefined || !INDEX_CONFLICT.has(code)) {
      throw new ParleyError('ERR_STORE_UNAVAILABLE', { reason: `index build on ${model.collection.name}: ${(err as Error).message}` });
    }
    await model.syncIndexes();
    return 'migrated';
  }
}

/**
 * Messages from before `seq` and `customerId` existed: each conversation's older
 * messages get -n..-1 in id order (they stay before every new append, which starts at 1,
 * and a re-run assigns the same numbers) and their conversation's customerId.
 */
export async function backfillMessages(m: CrmModels): Promise<number> {
  const convIds = await m.messages.distinct('conversationId', { $or: [{ seq: op({ $exists: false }) }, { customerId: op({ $exists: false }) }] });
  for (const conversationId of convIds) {
    const conv = await m.conversations.findOne({ _id: conversationId }, { customerId: 1 }).lean<{ customerId: string }>();
    const legacy = await m.messages
      .find({ conversationId, $or: [{ seq: op({ $exists: false }) }, { seq: op({ $lt: 0 }) }] }, { _id: 1 })
      .sort({ _id: 1 })
      .lean<Pick<MessageDoc, '_id'>[]>();
    const n = legacy.length;
    if (n > 0) {
      await m.messages.bulkWrite(
        legacy.map((d, i) => ({ updateOne: { filter: { _id: d._id }, update: { $set: { seq: i - n, ...(conv ? { customerId: conv.customerId } : {}) } } } })),
      );
    }
    if (conv) await m.messages.updateMany({ conversationId, customerId: op({ $exists: false }) }, { $set: { customerId: conv.customerId } });
  }
  return convIds.length;
}

/** The active_model pointer from the `active: true` flag older versions kept on the model. */
async function modelPointer(a: AdminModels): Promise<void> {
  if (await a.pointers.exists({ _id: ACTIVE_MODEL })) return;
  const legacy = await a.nluModels.findOne({ active: true }, { _id: 1 }).lean<Pick<NluModelDoc, '_id'>>();
  if (legacy) await a.pointers.updateOne({ _id: ACTIVE_MODEL }, { $setOnInsert: { version: legacy._id } }, { upsert: true });
}

/** Everything a start does before serving: indexes, data written by older versions, crashed reassigns. */
export async function migrate(models: MongoModels, fault: FaultHook): Promise<void> {
  await Promise.all(allModels(models).map((model) => migrateIndexes(model as unknown as Model<never>)));
  if (!(await models.admin.counters.exists({ _id: DATA_MIGRATION }))) {
    await backfillMessages(models.crm);
    await modelPointer(models.admin);
    await models.admin.counters.updateOne({ _id: DATA_MIGRATION }, { $set: { value: 1 } }, { upsert: true });
  }
  await resumeReassignments(models.crm, fault);
}
