import { ParleyError, type KeyValueStore, type Logger } from '../core/index.js';
import { loadJobState, NS } from './job/namespaces.js';
import { conversationRollupSchema, modelSummarySchema, monthDocSchema, turnRollupSchema } from './store/record-schemas.js';
import { typedRecord } from './store/typed-record.js';
import { MonthDocs } from './rollup/month-docs.js';
import { emptyConversationRollup, mergeConversations, type ConversationRollup } from './rollup/conversation-rollup.js';
import { emptyTurnRollup, mergeTurns, type TurnRollup } from './rollup/interaction-rollup.js';
import { DAY_MS, dayKey, daysBetween, parseMs } from './time.js';
import type { ChurnSummary, Overview, SegmentsSummary } from './types.js';

export interface DayDocs {
  turns: TurnRollup;
  convs: ConversationRollup;
}

const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const avg = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);

/**
 * Day documents, cached per job version: the rollups only change when a run finishes,
 * so repeated dashboard loads cost one KV read for the version check.
 */
export class DayCache {
  private version = -1;
  private readonly days = new Map<string, DayDocs>();
  private docs = this.fresh();
  summary: { churn: ChurnSummary; segments: SegmentsSummary } | null = null;
  dataThrough: string | null = null;

  constructor(
    private readonly kv: KeyValueStore,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {}

  private fresh() {
    return {
      turns: new MonthDocs(this.kv, NS.turns, monthDocSchema(turnRollupSchema), this.log),
      settled: new MonthDocs(this.kv, NS.settled, monthDocSchema(conversationRollupSchema), this.log),
      recent: new MonthDocs(this.kv, NS.recent, monthDocSchema(conversationRollupSchema), this.log),
    };
  }

  async sync(): Promise<void> {
    const s = await loadJobState(this.kv, this.log);
    const v = s?.version ?? 0;
    if (v === this.version) return;
    this.days.clear();
    this.docs = this.fresh();
    this.version = v;
    this.summary = await typedRecord(this.kv, NS.models, 'summary', modelSummarySchema, this.log).get();
    this.dataThrough = s?.watermarkMs != null ? new Date(s.watermarkMs).toISOString() : null;
  }

  async day(day: string): Promise<DayDocs> {
    let d = this.days.get(day);
    if (!d) {
      const [turns, settled, recent] = await Promise.all([
        this.docs.turns.get(day),
        this.docs.settled.get(day),
        this.docs.recent.get(day),
      ]);
      const convs = emptyConversationRollup();
      if (settled) mergeConversations(convs, settled);
      if (recent) mergeConversations(convs, recent);
      d = { turns: turns ?? emptyTurnRollup(), convs };
      this.days.set(day, d);
    }
    return d;
  }
}

/** Range: inclusive UTC days; default the 30 days ending today. */
export function resolveRange(range: { from?: string; to?: string }, nowMs: number): { fromMs: number; toMs: number } {
  const toMs = range.to === undefined ? nowMs : parseMs(range.to);
  const fromMs = range.from === undefined ? (toMs ?? nowMs) - 29 * DAY_MS : parseMs(range.from);
  const issues = [];
  if (toMs === null) issues.push({ path: 'to', message: 'Not a date' });
  if (fromMs === null) issues.push({ path: 'from', message: 'Not a date' });
  if (issues.length === 0 && fromMs! > toMs!) issues.push({ path: 'from', message: 'from is after to' });
  if (issues.length === 0 && toMs! - fromMs! > 3 * 366 * DAY_MS) issues.push({ path: 'from', message: 'Range longer than 3 years' });
  if (issues.length) throw new ParleyError('ERR_VALIDATION', { issues });
  return { fromMs: fromMs!, toMs: toMs! };
}

export async function buildOverview(cache: DayCache, range: { from?: string; to?: string }, nowMs: number): Promise<Overview> {
  const { fromMs, toMs } = resolveRange(range, nowMs);
  await cache.sync();
  const turns = emptyTurnRollup();
  const convs = emptyConversationRollup();
  const daily: Overview['daily'] = [];
  const sentimentDaily: Overview['sentiment']['daily'] = [];
  for (const day of daysBetween(fromMs, toMs)) {
    const d = await cache.day(day);
    mergeTurns(turns, d.turns);
    mergeConversations(convs, d.convs);
    const t = d.turns;
    const c = d.convs;
    const csatN = c.csat.reduce((a, b) => a + b, 0);
    daily.push({
      day,
      conversations: c.conversations,
      messages: t.messages,
      escalated: c.escalated,
      fallbacks: t.decisions.fallback,
      csatAverage: avg(c.csat.reduce((a, n, i) => a + n * (i + 1), 0), csatN),
    });
    sentimentDaily.push({
      day,
      average: avg(t.sentimentSum, t.sentimentCount),
      count: t.sentimentCount,
      negative: t.negative,
      neutral: t.neutral,
      positive: t.positive,
    });
  }
  const judged = turns.messages - turns.decisions.handoff;
  const csatCount = convs.csat.reduce((a, b) => a + b, 0);
  const intentNames = new Set([...Object.keys(turns.intents), ...Object.keys(convs.intents)]);
  return {
    range: { from: dayKey(fromMs), to: dayKey(toMs) },
    generatedAt: new Date(nowMs).toISOString(),
    dataThrough: cache.dataThrough,
    conversations: convs.conversations,
    messages: turns.messages,
    automationRate: rate(convs.automated, convs.conversations),
    escalationRate: rate(convs.escalated, convs.conversations),
    fallbackRate: rate(turns.decisions.fallback, judged),
    clarifyRate: rate(turns.decisions.clarify, judged),
    csat: {
      average: avg(convs.csat.reduce((a, n, i) => a + n * (i + 1), 0), csatCount),
      count: csatCount,
      distribution: { '1': convs.csat[0], '2': convs.csat[1], '3': convs.csat[2], '4': convs.csat[3], '5': convs.csat[4] },
    },
    agentTimes: {
      firstResponseMs: avg(convs.firstResponseSum, convs.firstResponseCount),
      handlingMs: avg(convs.handlingSum, convs.handlingCount),
    },
    sentiment: { average: avg(turns.sentimentSum, turns.sentimentCount), daily: sentimentDaily },
    daily,
    intents: [...intentNames]
      .map((intent) => {
        const t = turns.intents[intent] ?? { n: 0, fallback: 0, clarify: 0, escalate: 0 };
        const c = convs.intents[intent] ?? { conversations: 0, csatSum: 0, csatCount: 0 };
        return {
          intent,
          volume: t.n,
          fallbackRate: rate(t.fallback, t.n) ?? 0,
          escalationRate: rate(t.escalate, t.n) ?? 0,
          csat: avg(c.csatSum, c.csatCount),
          csatCount: c.csatCount,
        };
      })
      .sort((a, b) => b.volume - a.volume || a.intent.localeCompare(b.intent)),
    agents: Object.entries(convs.agents)
      .map(([agentId, a]) => ({
        agentId,
        name: a.name,
        handled: a.handled,
        csat: avg(a.csatSum, a.csatCount),
        csatCount: a.csatCount,
        handlingMs: avg(a.handlingSum, a.handlingCount),
      }))
      .sort((a, b) => b.handled - a.handled || a.name.localeCompare(b.name)),
    churn: cache.summary?.churn ?? { ready: false, reason: 'The analytics job has not run yet' },
    segments: cache.summary?.segments ?? { ready: false, reason: 'The analytics job has not run yet' },
  };
}
