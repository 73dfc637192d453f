import { isMiss, lastActivity, type CustomerState } from '../customers/customer-state.js';

const D = 86_400;

export const FEATURES = [
  'recencyDays',
  'conversations90d',
  'sentimentTrend',
  'escalations14d',
  'unresolved30d',
  'csatShortfall',
  'fallbacks30d',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Raw feature values plus the context the plain-words factors need. */
export interface FeatureRow {
  values: number[];
  lastCsat: { score: number; daysAgo: number } | null;
  sentimentRecent: number | null;
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Features of one customer as they were at `atSec` (only history up to then counts: no label leakage). */
export function featuresAt(state: CustomerState, atSec: number): FeatureRow {
  const last = lastActivity(state, atSec);
  const recencyDays = last === null ? 365 : Math.min(365, (atSec - last) / D);
  const past = state.turns.filter((t) => t[0] <= atSec);
  const within = (days: number) => past.filter((t) => t[0] > atSec - days * D);
  const recent = mean(within(30).map((t) => t[2] / 100));
  const older = mean(past.filter((t) => t[0] <= atSec - 30 * D && t[0] > atSec - 120 * D).map((t) => t[2] / 100));
  // Neutral (0) is the baseline when the customer has no older history.
  const sentimentTrend = recent === null ? 0 : recent - (older ?? 0);
  const escalations = within(14).filter((t) => t[1] === 'e').length;
  const fallbacks = within(30).filter((t) => isMiss(t[1])).length;
  const convs = state.convs.filter((c) => c.t <= atSec);
  const conversations90 = convs.filter((c) => c.t > atSec - 90 * D).length;
  const unresolved = convs.filter((c) => c.t > atSec - 30 * D && isMiss(c.d) && c.a === 0).length;
  const rated = convs.filter((c) => c.s > 0 && c.sa <= atSec && c.sa > atSec - 60 * D).sort((a, b) => b.sa - a.sa)[0];
  const lastCsat = rated ? { score: rated.s, daysAgo: (atSec - rated.sa) / D } : null;
  return {
    values: [
      recencyDays,
      conversations90,
      sentimentTrend,
      escalations,
      unresolved,
      lastCsat ? 5 - lastCsat.score : 0,
      fallbacks,
    ],
    lastCsat,
    sentimentRecent: recent,
  };
}

function ago(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  if (days < 7) return `${Math.floor(days)} days ago`;
  if (days < 14) return 'last week';
  return `${Math.floor(days / 7)} weeks ago`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A feature value in plain words for staff ("3 escalations in 14 days", "CSAT 1/5 last week"). */
export function describeFeature(name: FeatureName, row: FeatureRow): string {
  const v = row.values[FEATURES.indexOf(name)] ?? 0;
  switch (name) {
    case 'recencyDays':
      return v < 1 ? 'active today' : `no contact for ${plural(Math.floor(v), 'day')}`;
    case 'conversations90d':
      return `${plural(v, 'conversation')} in 90 days`;
    case 'sentimentTrend': {
      const now = row.sentimentRecent === null ? '' : ` (recent mood ${row.sentimentRecent.toFixed(2)})`;
      return `${v < 0 ? 'sentiment falling' : v > 0 ? 'sentiment improving' : 'sentiment steady'}${now}`;
    }
    case 'escalations14d':
      return `${plural(v, 'escalation')} in 14 days`;
    case 'unresolved30d':
      return `${plural(v, 'unresolved conversation')} in 30 days`;
    case 'csatShortfall':
      return row.lastCsat ? `CSAT ${row.lastCsat.score}/5 ${ago(row.lastCsat.daysAgo)}` : 'no recent CSAT';
    case 'fallbacks30d':
      return `${plural(v, 'unanswered question')} in 30 days`;
  }
}
