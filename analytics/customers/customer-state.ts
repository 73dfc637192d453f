import type { Conversation, Interaction, TurnDecision } from '../../core/index.js';
import { conversationStartMs } from '../rollup/conversation-rollup.js';

/** One customer turn: [unix seconds, decision code, sentiment x100]. */
export type Turn = [number, string, number];

/** What analytics remembers about one conversation of a customer. */
export interface ConvFact {
  id: string;
  /** First seen (unix seconds). */
  t: number;
  /** Decision code of the last bot turn ('' when none). */
  d: string;
  /** 1 when an agent claimed it. */
  a: number;
  /** 1 when closed. */
  x: number;
  /** CSAT 1-5, 0 when none. */
  s: number;
  /** When the CSAT was given (unix seconds), 0 when none. */
  sa: number;
}

/**
 * Compact per-customer history, bounded so 100k customers fit in memory:
 * the last MAX_TURNS turns and MAX_CONVS conversations, plus running totals.
 * Features "as of" any time are computed from these lists (churn labels need the past).
 */
export interface CustomerState {
  turns: Turn[];
  convs: ConvFact[];
  totalTurns: number;
  totalConvs: number;
}

export const MAX_TURNS = 80;
export const MAX_CONVS = 30;

const CODES: Record<TurnDecision, string> = {
  intent: 'i', faq: 'q', clarify: 'c', fallback: 'f', escalate: 'e', handoff: 'h',
};
export const decisionCode = (d: TurnDecision): string => CODES[d];
export const isMiss = (code: string): boolean => code === 'f' || code === 'c';

export const toSec = (ms: number): number => Math.floor(ms / 1000);

export function emptyState(): CustomerState {
  return { turns: [], convs: [], totalTurns: 0, totalConvs: 0 };
}

function convFact(state: CustomerState, id: string, t: number): ConvFact {
  let fact = state.convs.find((c) => c.id === id);
  if (!fact) {
    fact = { id, t, d: '', a: 0, x: 0, s: 0, sa: 0 };
    state.convs.push(fact);
    state.totalConvs += 1;
    state.convs.sort((p, q) => p.t - q.t || (p.id < q.id ? -1 : 1));
    if (state.convs.length > MAX_CONVS) state.convs.splice(0, state.convs.length - MAX_CONVS);
  }
  return fact;
}

/** Interactions arrive oldest first (scan order). */
export function applyInteraction(state: CustomerState, i: Interaction): void {
  const sec = toSec(Date.parse(i.createdAt));
  const code = decisionCode(i.decision);
  state.turns.push([sec, code, Math.round(i.sentiment.score * 100)]);
  state.totalTurns += 1;
  if (state.turns.length > MAX_TURNS) state.turns.splice(0, state.turns.length - MAX_TURNS);
  const fact = convFact(state, i.conversationId, sec);
  fact.t = Math.min(fact.t, sec);
  // Human-owned turns say nothing about whether the bot resolved the question.
  if (code !== 'h') fact.d = code;
}

/** Idempotent: re-applying the same conversation state changes nothing. Returns true when something changed. */
export function applyConversation(state: CustomerState, c: Conversation): boolean {
  const created = toSec(conversationStartMs(c));
  const fact = convFact(state, c.id, created);
  // First seen = the earlier of creation and first turn, whichever pass saw it first.
  fact.t = Math.min(fact.t, created);
  const next = {
    a: c.firstClaimedAt ? 1 : 0,
    x: c.state === 'closed' ? 1 : 0,
    s: c.csat?.score ?? 0,
    sa: c.csat ? toSec(Date.parse(c.csat.at)) : 0,
  };
  const changed = fact.a !== next.a || fact.x !== next.x || fact.s !== next.s || fact.sa !== next.sa;
  Object.assign(fact, next);
  return changed;
}

/** Last activity (turn or conversation start) at or before `atSec`, or null. */
export function lastActivity(state: CustomerState, atSec: number): number | null {
  let last: number | null = null;
  for (const t of state.turns) if (t[0] <= atSec && (last === null || t[0] > last)) last = t[0];
  for (const c of state.convs) if (c.t <= atSec && (last === null || c.t > last)) last = c.t;
  return last;
}

export function firstActivity(state: CustomerState): number | null {
  const a = state.turns[0]?.[0];
  const b = state.convs[0]?.t;
  if (a === undefined) return b ?? null;
  return b === undefined ? a : Math.min(a, b);
}
