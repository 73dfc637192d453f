import { drainPages, systemClock, type Clock, type ConversationStore, type CustomerRecords, type KeyValueStore } from '../../core/index.js';
import { forgetChurnLabel, loadChurnLabels } from '../imports/churn-labels.js';
import { loadJobState, NS, saveJobState } from '../job/namespaces.js';
import { modelSummarySchema, signaturesSchema } from '../store/record-schemas.js';
import { typedRecord } from '../store/typed-record.js';
import { ShardCache } from './shards.js';


/**
 * Analytics' documents that name one customer: the per-customer state shard entry, the imported churn label,
 * the recent-conversation signatures (keyed by the customer's conversation ids) and the customer's place in the
 * stored at-risk ranking. Day rollups are aggregates without ids; they are recomputed after an erase (markDirty).
 */
export function createAnalyticsCustomerRecords(deps: { kv: KeyValueStore; conversations: ConversationStore; clock?: Clock }): CustomerRecords {
  const { kv } = deps;
  const clock = deps.clock ?? systemClock;
  // Conversations are listed while they still exist: customer erase runs this part before the conversations part.
  const conversationIds = async (id: string) =>
    new Set((await drainPages((p) => deps.conversations.list({ ...p, customerId: id }))).map((c) => c.id));
  const summaryRecord = typedRecord(kv, NS.models, 'summary', modelSummarySchema);
  const sigsRecord = typedRecord(kv, NS.meta, 'recentSignatures', signaturesSchema);
  const loadSummary = () => summaryRecord.get();
  const topOf = (s: Awaited<ReturnType<typeof loadSummary>>) => (s?.churn.ready ? s.churn.top : []);

  async function recordsOf(id: string): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const state = await new ShardCache(kv).get(id);
    if (state) out.state = state;
    if ((await loadChurnLabels(kv)).has(id)) out.churnLabel = true;
    const sigs = (await sigsRecord.get()) ?? {};
    const mine = Object.fromEntries([...(await conversationIds(id))].filter((c) => c in sigs).map((c) => [c, sigs[c]]));
    if (Object.keys(mine).length > 0) out.recentConversations = mine;
    const ranked = topOf(await loadSummary()).find((t) => t.customerId === id);
    if (ranked) out.churnRanking = ranked;
    return out;
  }

  async function forget(id: string): Promise<void> {
    const shards = new ShardCache(kv);
    if (await shards.remove(id)) await shards.flush();
    await forgetChurnLabel(kv, id, clock.now());
    const sigs = await sigsRecord.get();
    if (sigs) {
      const convs = await conversationIds(id);
      const kept = Object.fromEntries(Object.entries(sigs).filter(([c]) => !convs.has(c)));
      if (Object.keys(kept).length !== Object.keys(sigs).length) await sigsRecord.put(kept);
    }
    const summary = await loadSummary();
    if (summary?.churn.ready && summary.churn.top.some((t) => t.customerId === id)) {
      const churn = { ...summary.churn, top: summary.churn.top.filter((t) => t.customerId !== id) };
      await summaryRecord.put({ ...summary, churn });
    }
    // Aggregates still count the customer: the next run recomputes everything, and a new version makes
    // dashboard caches drop the ranking they hold.
    const job = await loadJobState(kv);
    if (job) await saveJobState(kv, { ...job, dirty: true, version: job.version + 1 });
  }

  return { recordsOf, forget };
}
