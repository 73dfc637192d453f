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
  | { type: 'customers'; items: { customerId: string; insights: CustomerInsights }[] }
  | { type: 'summary'; summary: RunSummary }
  | { type: 'error'; reason: string };

export const RESULT_CHUNK = 2000;
/** Batches asked for ahead of use, so reading the store overlaps with the models' work. */
export const PULL_AHEAD = 2;
