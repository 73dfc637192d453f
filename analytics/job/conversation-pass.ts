import type { Conversation, ConversationStore, KeyValueStore, Logger } from '../../core/index.js';
import { applyConversation } from '../customers/customer-state.js';
import type { ShardCache } from '../customers/shards.js';
import {
  addConversation,
  conversationStartMs,
  emptyConversationRollup,
  mergeConversations,
  type ConversationRollup,
} from '../rollup/conversation-rollup.js';
import { MonthDocs } from '../rollup/month-docs.js';
import { conversationRollupSchema, monthDocSchema, signaturesSchema, type Signatures } from '../store/record-schemas.js';
import { typedRecord } from '../store/typed-record.js';
import { dayKey } from '../time.js';
import { clearNamespace, NS, tick } from './namespaces.js';


export interface ConversationPassResult {
  scanned: number;
  settledAdded: number;
  recent: number;
}

async function firstResponseMs(store: ConversationStore, c: Conversation): Promise<number | null> {
  if (!c.firstClaimedAt) return null;
  const events = await store.listEvents(c.id);
  const queued = events.find((e) => e.event === 'escalate');
  const claimed = events.find((e) => e.event === 'claim');
  if (!queued || !claimed) return null; // taken over straight from the bot: no wait to measure
  const ms = Date.parse(claimed.at) - Date.parse(queued.at);
  return ms >= 0 ? ms : null;
}

/**
 * Conversations change after creation (claim, close, CSAT), so they are not folded in once:
 * those created since `newCutoff` are recomputed every run ("recent" rollups, replaced whole),
 * and when the cutoff moves forward the conversations it passes are added, in their final
 * state, to the "settled" rollups. A full run settles everything before the cutoff.
 */
export async function conversationPass(
  deps: { conversations: ConversationStore; kv: KeyValueStore; shards: ShardCache; log?: Pick<Logger, 'warn'> },
  prevCutoffMs: number | null,
  newCutoffMs: number,
  full: boolean,
): Promise<ConversationPassResult> {
  const stopBelow = full || prevCutoffMs === null ? -Infinity : Math.min(prevCutoffMs, newCutoffMs);
  const oldSigs: Signatures = full ? {} : ((await typedRecord(deps.kv, NS.meta, 'recentSignatures', signaturesSchema, deps.log).get()) ?? {});
  const sigs: Signatures = {};
  const recent = new Map<string, ConversationRollup>();
  const settled = new Map<string, ConversationRollup>();
  const result: ConversationPassResult = { scanned: 0, settledAdded: 0, recent: 0 };
  let cursor: string | null = null;
  outer: for (;;) {
    const page = await deps.conversations.list({ limit: 200, cursor });
    for (const c of page.items) {
      const created = Date.parse(c.createdAt);
      if (created < stopBelow) break outer;
      result.scanned++;
      const old = oldSigs[c.id];
      const frt = old && old[0] === c.version ? old[1] : await firstResponseMs(deps.conversations, c);
      const target = created >= newCutoffMs ? recent : settled;
      const day = dayKey(conversationStartMs(c));
      let r = target.get(day);
      if (!r) target.set(day, (r = emptyConversationRollup()));
      addConversation(r, c, frt);
      if (target === recent) (sigs[c.id] = [c.version, frt]), result.recent++;
      else result.settledAdded++;
      if (full || !old || old[0] !== c.version) applyConversation(await deps.shards.edit(c.customerId), c);
    }
    await tick();
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const settledDocs = new MonthDocs(deps.kv, NS.settled, monthDocSchema(conversationRollupSchema), deps.log);
  for (const [day, r] of settled) {
    const existing = await settledDocs.get(day);
    await settledDocs.set(day, existing ? mergeConversations(existing, r) : r);
  }
  await settledDocs.flush();
  await clearNamespace(deps.kv, NS.recent);
  const recentDocs = new MonthDocs(deps.kv, NS.recent, monthDocSchema(conversationRollupSchema), deps.log);
  for (const [day, r] of recent) await recentDocs.set(day, r);
  await recentDocs.flush();
  await deps.kv.put(NS.meta, 'recentSignatures', sigs);
  return result;
}
