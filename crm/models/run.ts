import { computeInsights, type CrmModelRun, type InsightsOptions } from './insights.js';
import type { ConversationSummary, OrderLine } from './input.js';

/**
 * The entry the analytics job wires: `scanLines` is OrderStore.scanLines (oldest first, batches).
 * Everything in and out is plain data, so the same call runs inside a worker thread (post the
 * batches and summaries in, the CrmModelRun out).
 */
export function runCrmModels(
  scanLines: () => AsyncIterable<OrderLine[]>,
  conversations: Iterable<ConversationSummary> | null,
  asOf: Date,
  o: Omit<InsightsOptions, 'asOf'> = {},
): Promise<CrmModelRun> {
  return computeInsights(scanLines(), conversations, { ...o, asOf });
}
