import type { InteractionLog } from '../core/index.js';
import { resolveRange } from './overview.js';
import { DAY_MS, dayStartMs } from './time.js';
import { clusterTexts } from './text/cluster-texts.js';
import type { UnansweredResult } from './types.js';

/**
 * Clusters what the bot could not answer (fallback and clarify turns), newest first,
 * read live from the interaction log so erased customers' words never linger here.
 */
export async function unansweredQuestions(
  interactions: InteractionLog,
  range: { from?: string; to?: string; limit?: number },
  nowMs: number,
  embed?: (texts: string[]) => Promise<Float32Array[]>,
): Promise<UnansweredResult> {
  const { fromMs, toMs } = resolveRange(range, nowMs);
  const cap = Math.max(1, Math.min(range.limit ?? 2000, 10_000));
  const texts: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await interactions.list({
      decisions: ['fallback', 'clarify'],
      from: new Date(dayStartMs(fromMs)).toISOString(),
      // Whole UTC days, like the overview.
      to: new Date(dayStartMs(toMs) + DAY_MS).toISOString(),
      limit: 200,
      cursor,
    });
    for (const i of page.items) if (texts.length < cap) texts.push(i.text);
    cursor = page.nextCursor;
  } while (cursor && texts.length < cap);
  const clusters = await clusterTexts(texts, { embed });
  return { total: texts.length, mode: embed ? 'embeddings' : 'tfidf', clusters };
}
