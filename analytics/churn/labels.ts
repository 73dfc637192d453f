import { firstActivity, isMiss, lastActivity, type CustomerState } from '../customers/customer-state.js';

const D = 86_400;

/**
 * "Churned" = no activity for `inactiveDays` after the observation point, which is
 * `inactiveDays` before now. With `requireNegative`, only customers who had a negative
 * experience (escalation, unanswered question, CSAT <= 2, clearly negative message) in the
 * `lookbackDays` before it count as churned; silent customers without one are left out
 * (we cannot tell a satisfied one-off visitor from a lost one).
 */
export interface ChurnDefinition {
  inactiveDays: number;
  lookbackDays: number;
  requireNegative: boolean;
}

export const defaultChurnDefinition: ChurnDefinition = { inactiveDays: 30, lookbackDays: 30, requireNegative: true };

export interface Label {
  y: 0 | 1;
  /** Features are computed as of this time (unix seconds). */
  asOf: number;
}

export function hadNegative(state: CustomerState, fromSec: number, toSec: number): boolean {
  const inWindow = (t: number) => t > fromSec && t <= toSec;
  if (state.turns.some((t) => inWindow(t[0]) && (t[1] === 'e' || isMiss(t[1]) || t[2] <= -30))) return true;
  return state.convs.some((c) => c.s > 0 && c.s <= 2 && inWindow(c.sa));
}

export function labelByDefinition(state: CustomerState, nowSec: number, def: ChurnDefinition): Label | null {
  const asOf = nowSec - def.inactiveDays * D;
  const first = firstActivity(state);
  if (first === null || first > asOf) return null; // too new to judge
  const before = lastActivity(state, asOf);
  // Already gone long before the observation point: says nothing about this window.
  if (before === null || before <= asOf - 90 * D) return null;
  const activeAfter = state.turns.some((t) => t[0] > asOf) || state.convs.some((c) => c.t > asOf);
  if (activeAfter) return { y: 0, asOf };
  if (hadNegative(state, asOf - def.lookbackDays * D, asOf)) return { y: 1, asOf };
  return def.requireNegative ? null : { y: 1, asOf };
}

/** Imported labels: listed ids churned, everyone else stayed; features as of now. */
export function labelByImport(id: string, churned: ReadonlySet<string>, nowSec: number): Label {
  return { y: churned.has(id) ? 1 : 0, asOf: nowSec };
}
