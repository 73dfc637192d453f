import type { CustomerInsights, RunSummary } from '../models/insights.js';
import type { ConversationSummary, OrderLine } from '../models/input.js';

/** Host -> worker: the run's inputs, lines streamed in batches, then `end`. */
export type HostMessage =
  | { type: 'start'; asOf: string; conversations: ConversationSummary[] }
  | { type: 'lines'; batch: OrderLine[] }
  | { type: 'end' };

/** Worker -> host: insights in chunks (so no single message blocks the host), then the summary. */
export type WorkerMessage =
  | { type: 'customers'; items: { customerId: string; insights: CustomerInsights }[] }
  | { type: 'summary'; summary: RunSummary }
  | { type: 'error'; reason: string };

export const RESULT_CHUNK = 2000;
