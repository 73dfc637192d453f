import type { InteractionLog, KeyValueStore, Logger } from '../../core/index.js';
import { applyInteraction } from '../customers/customer-state.js';
import type { ShardCache } from '../customers/shards.js';
import { addTurn, emptyTurnRollup, type TurnRollup } from '../rollup/interaction-rollup.js';
import { MonthDocs } from '../rollup/month-docs.js';
import { monthDocSchema, turnRollupSchema } from '../store/record-schemas.js';
import { dayKey } from '../time.js';
import { NS, tick, type JobState } from './namespaces.js';

export interface InteractionPassResult {
  processed: number;
  days: number;
  watermarkMs: number | null;
  watermarkIds: string[];
}

/**
 * Folds interactions newer than the watermark into the daily turn rollups and the customer
 * states. Interactions are immutable, so each one is counted exactly once; the ids at the
 * watermark millisecond are remembered because the scan's lower bound is inclusive.
 */
export async function interactionPass(
  deps: { interactions: InteractionLog; kv: KeyValueStore; shards: ShardCache; log?: Pick<Logger, 'warn'> },
  state: Pick<JobState, 'watermarkMs' | 'watermarkIds'>,
  untilMs: number,
  batchSize: number,
): Promise<InteractionPassResult> {
  const days = new Map<string, TurnRollup>();
  const docs = new MonthDocs(deps.kv, NS.turns, monthDocSchema(turnRollupSchema), deps.log);
  const seenAtMark = new Set(state.watermarkIds);
  let markMs = state.watermarkMs;
  let markIds = [...state.watermarkIds];
  let processed = 0;
  const query = {
    ...(state.watermarkMs !== null ? { from: new Date(state.watermarkMs).toISOString() } : {}),
    to: new Date(untilMs).toISOString(),
  };
  for await (const batch of deps.interactions.scan(query, batchSize)) {
    for (const i of batch) {
      const ms = Date.parse(i.createdAt);
      if (ms === state.watermarkMs && seenAtMark.has(i.id)) continue;
      const day = dayKey(ms);
      let r = days.get(day);
      if (!r) {
        r = (await docs.get(day)) ?? emptyTurnRollup();
        days.set(day, r);
      }
      addTurn(r, i);
      applyInteraction(await deps.shards.edit(i.customerId), i);
      if (markMs === null || ms > markMs) (markMs = ms), (markIds = [i.id]);
      else if (ms === markMs) markIds.push(i.id);
      processed++;
    }
    // Let chats and HTTP requests run between batches.
    await tick();
  }
  for (const [day, r] of days) await docs.set(day, r);
  await docs.flush();
  return { processed, days: days.size, watermarkMs: markMs, watermarkIds: markIds };
}
