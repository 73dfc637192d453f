/**
 * RFM scores 1..5 by quintile over the scored customers: R from days since the last purchase (most
 * recent fifth = 5), F from purchase days, M from net revenue. Ties share a score, so with many
 * one-time buyers F has fewer than five levels. score = r + f + m (3..15).
 */
export interface Rfm {
  r: number;
  f: number;
  m: number | null;
  score: number;
}

export function quintileCuts(values: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return [];
  return [1, 2, 3, 4].map((q) => sorted[Math.max(0, Math.ceil((sorted.length * q) / 5) - 1)]!);
}

export function quintileScore(value: number, cuts: number[]): number {
  let s = 1;
  for (const c of cuts) if (value > c) s++;
  return s;
}

export interface RfmCuts {
  recency: number[];
  frequency: number[];
  monetary: number[] | null;
}

export function rfmOf(recencyDays: number, frequency: number, monetary: number | null, cuts: RfmCuts): Rfm {
  const r = 6 - quintileScore(recencyDays, cuts.recency);
  const f = quintileScore(frequency, cuts.frequency);
  const m = cuts.monetary && monetary !== null ? quintileScore(monetary, cuts.monetary) : null;
  return { r, f, m, score: r + f + (m ?? 0) };
}
