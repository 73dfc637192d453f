/**
 * The churn horizon H, learned from the data before asOf: the 75th percentile, across customers
 * with at least two activity days, of each customer's median gap between consecutive activity
 * days. "No activity within H" then means: longer than three in four regular customers usually
 * wait. Clamped to [14, 365] days and to at most half the history, so a cut date asOf - H still
 * leaves history to learn from. Returns null when fewer than 20 customers have a gap.
 */
export const HORIZON_QUANTILE = 0.75;
export const HORIZON_MIN_DAYS = 14;
export const HORIZON_MAX_DAYS = 365;

export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function deriveHorizon(medianGaps: number[], historyDays: number): { days: number; basis: number } | null {
  if (medianGaps.length < 20) return null;
  const sorted = Float64Array.from(medianGaps).sort();
  const raw = quantile(sorted, HORIZON_QUANTILE);
  const days = Math.round(Math.max(HORIZON_MIN_DAYS, Math.min(HORIZON_MAX_DAYS, raw, Math.max(HORIZON_MIN_DAYS, historyDays / 2))));
  return { days, basis: medianGaps.length };
}

/** Median of the gaps between consecutive days (ascending input), or null with fewer than 2 days. */
export function medianGap(days: ArrayLike<number>, from: number, to: number): number | null {
  if (to - from < 2) return null;
  const gaps: number[] = [];
  for (let k = from + 1; k < to; k++) gaps.push(days[k]! - days[k - 1]!);
  gaps.sort((a, b) => a - b);
  return quantile(gaps, 0.5);
}
