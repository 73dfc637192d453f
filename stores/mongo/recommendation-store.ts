import { Schema, type Connection, type Model } from 'mongoose';
import { customerRecommendationsSchema, type RecommendationStore } from '../../core/index.js';
import { op } from './connection.js';

export interface RecommendationDoc {
  /** The customer id: one document per customer. */
  _id: string;
  runId: string;
  /** JSON text, validated by the schema on every read. */
  doc: string;
}

const schema = new Schema<RecommendationDoc>({ _id: String, runId: String, doc: String }, { versionKey: false, strictQuery: 'throw', minimize: false });
schema.index({ runId: 1 }); // retainRun

export const recommendationModel = (conn: Connection): Model<RecommendationDoc> =>
  conn.model<RecommendationDoc>('CrmRecommendation', schema, 'crm_recommendations');

export function createRecommendationStore(m: Model<RecommendationDoc>): RecommendationStore {
  return {
    async put(rows) {
      const docs = rows.map((r) => customerRecommendationsSchema.parse(r));
      if (docs.length === 0) return;
      await m.bulkWrite(
        docs.map((d) => ({ replaceOne: { filter: { _id: d.customerId }, replacement: { _id: d.customerId, runId: d.runId, doc: JSON.stringify(d) }, upsert: true } })),
        { ordered: false },
      );
    },
    async get(customerId) {
      const row = await m.findById(customerId).lean<RecommendationDoc>();
      return row ? customerRecommendationsSchema.parse(JSON.parse(row.doc)) : null;
    },
    async retainRun(runId) {
      return (await m.deleteMany({ runId: op({ $ne: runId }) })).deletedCount;
    },
    async eraseCustomer(customerId) {
      await m.deleteOne({ _id: customerId });
    },
  };
}
