import type { CustomerInsights, InsightsOptions, RunSummary } from '../models/insights.js';
import type { ConversationSummary, OrderLine } from '../models/input.js';

/** Host -> worker: the run's inputs, then one line batch per `pull`, then `end`. */
export type HostMessage =
  | { type: 'start'; asOf: string; options: Omit<InsightsOptions, 'asOf'>; conversations: ConversationSummary[] }
  | { type: 'lines'; batch: OrderLine[] }
  | { type: 'end' };

/** Worker -> host: asks for the next batch; insights in chunks (no single message blocks the host), then the summary. */
export type WorkerMessage =
  | { type: 'pull' }
  /** A chunk of `{ customerId, insights }[]` as JSON text: the host parses one chunk per macrotask (a structured
   *  clone is decoded when the message is taken, and a port takes every queued message at once). */
  | { type: 'customers'; json: string }
  | { type: 'summary'; summary: RunSummary }
  | { type: 'error'; reason: string };

/** Small enough that parsing and writing one chunk holds the host's loop for tens of milliseconds, not hundreds. */
export const RESULT_CHUNK = 500;

export type ResultChunk = { customerId: string; insights: CustomerInsights }[];
/** Batches asked for ahead of use, so reading the store overlaps with the models' work. */
export const PULL_AHEAD = 2;
