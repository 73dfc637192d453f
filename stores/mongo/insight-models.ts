import { Schema, type Connection, type Model } from 'mongoose';

const opts = { versionKey: false, strictQuery: 'throw', minimize: false } as const;

export interface CrmRunDoc {
  _id: string;
  asOf: string;
  createdAt: string;
  state: 'building' | 'ready';
  summary: string | null;
}
/** The one document `{ _id: 'current', runId }`: swapping it is the atomic commit of a run. */
export interface CrmPointerDoc {
  _id: string;
  runId: string;
}
export interface CrmInsightDoc {
  _id: string;
  runId: string;
  customerId: string;
  /** JSON text, validated by the schema on every read. */
  doc: string;
}

const run = new Schema<CrmRunDoc>({ _id: String, asOf: String, createdAt: String, state: String, summary: { type: String, default: null } }, opts);
const pointer = new Schema<CrmPointerDoc>({ _id: String, runId: String }, opts);
const insight = new Schema<CrmInsightDoc>({ _id: String, runId: String, customerId: String, doc: String }, opts);
insight.index({ runId: 1, customerId: 1 }, { unique: true }); // get, list (ordered by customerId), drop a run
insight.index({ customerId: 1 }); // eraseCustomer

export interface InsightModels {
  runs: Model<CrmRunDoc>;
  pointer: Model<CrmPointerDoc>;
  insights: Model<CrmInsightDoc>;
}

export function insightModels(conn: Connection): InsightModels {
  return {
    runs: conn.model<CrmRunDoc>('CrmRun', run, 'crm_runs'),
    pointer: conn.model<CrmPointerDoc>('CrmRunPointer', pointer, 'crm_run_pointer'),
    insights: conn.model<CrmInsightDoc>('CrmInsight', insight, 'crm_insights'),
  };
}
