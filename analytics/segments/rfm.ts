/** Quintile cut points (20/40/60/80th percentile values) of a population. */
export function quintileCuts(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return [1, 2, 3, 4].map((q) => sorted[Math.max(0, Math.ceil((sorted.length * q) / 5) - 1)]!);
}

/** 1..5: how many cut points the value exceeds, plus one. */
export function quintileScore(value: number, cuts: number[]): number {
  return 1 + cuts.filter((c) => value > c).length;
}

export interface RfmCuts {
  recency: number[];
  frequency: number[];
  monetary: number[] | null;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number | null;
  /** e.g. "545" (R, F, M); M is "-" without order data. */
  code: string;
}

/** Recency scores are reversed: the most recent fifth gets R = 5. */
export function rfmScore(recencyDays: number, frequency: number, monetary: number | null, cuts: RfmCuts): RfmScore {
  const r = 6 - quintileScore(recencyDays, cuts.recency);
  const f = quintileScore(frequency, cuts.frequency);
  const m = cuts.monetary && monetary !== null ? quintileScore(monetary, cuts.monetary) : null;
  return { r, f, m, code: `${r}${f}${m ?? '-'}` };
}
