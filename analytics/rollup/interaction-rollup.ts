import type { Interaction, TurnDecision } from '../../core/index.js';

export interface IntentCell {
  n: number;
  fallback: number;
  clarify: number;
  escalate: number;
}

/** Additive per-day facts of customer turns (interactions are immutable, so a watermark scan is exact). */
export interface TurnRollup {
  messages: number;
  decisions: Record<TurnDecision, number>;
  sentimentSum: number;
  sentimentCount: number;
  negative: number;
  neutral: number;
  positive: number;
  latencySum: number;
  intents: Record<string, IntentCell>;
}

export const NO_INTENT = '(none)';

export function emptyTurnRollup(): TurnRollup {
  return {
    messages: 0,
    decisions: { intent: 0, faq: 0, clarify: 0, fallback: 0, escalate: 0, handoff: 0 },
    sentimentSum: 0,
    sentimentCount: 0,
    negative: 0,
    neutral: 0,
    positive: 0,
    latencySum: 0,
    intents: {},
  };
}

export function addTurn(r: TurnRollup, i: Interaction): void {
  r.messages += 1;
  r.decisions[i.decision] += 1;
  r.latencySum += i.latencyMs;
  // Turns forwarded to a human were never judged by the bot: keep them out of bot sentiment too.
  r.sentimentSum += i.sentiment.score;
  r.sentimentCount += 1;
  r[i.sentiment.label] += 1;
  const name = i.intent?.name ?? NO_INTENT;
  const cell = (r.intents[name] ??= { n: 0, fallback: 0, clarify: 0, escalate: 0 });
  cell.n += 1;
  if (i.decision === 'fallback') cell.fallback += 1;
  if (i.decision === 'clarify') cell.clarify += 1;
  if (i.decision === 'escalate') cell.escalate += 1;
}

export function mergeTurns(into: TurnRollup, r: TurnRollup): TurnRollup {
  into.messages += r.messages;
  for (const k of Object.keys(r.decisions) as TurnDecision[]) into.decisions[k] += r.decisions[k] ?? 0;
  into.sentimentSum += r.sentimentSum;
  into.sentimentCount += r.sentimentCount;
  into.negative += r.negative;
  into.neutral += r.neutral;
  into.positive += r.positive;
  into.latencySum += r.latencySum;
  for (const [name, c] of Object.entries(r.intents)) {
    const cell = (into.intents[name] ??= { n: 0, fallback: 0, clarify: 0, escalate: 0 });
    cell.n += c.n;
    cell.fallback += c.fallback;
    cell.clarify += c.clarify;
    cell.escalate += c.escalate;
  }
  return into;
}
