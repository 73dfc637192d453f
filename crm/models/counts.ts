import type { Histories } from './history.js';

/** A customer's purchase occasions before `day` (exclusive) in the purchase model's terms. */
export interface Counts {
  /** Occasions before the day (x + 1 when > 0). */
  n: number;
  /** Repeat occasions. */
  x: number;
  tx: number;
  T: number;
  firstDay: number;
  lastDay: number;
  /** Sum and mean value of the occasions. */
  total: number;
  mean: number;
}

/** Index of the first occasion of customer c on or after `day` (occasions are ascending). */
export function occasionsBefore(h: Histories, c: number, day: number): number {
  const from = h.occStart[c]!;
  let to = h.occStart[c + 1]!;
  let lo = from;
  while (lo < to) {
    const mid = (lo + to) >> 1;
    if (h.occDay[mid]! < day) lo = mid + 1;
    else to = mid;
  }
  return lo;
}

export function countsAt(h: Histories, c: number, day: number): Counts | null {
  const from = h.occStart[c]!;
  const end = occasionsBefore(h, c, day);
  const n = end - from;
  if (n <= 0) return null;
  let total = 0;
  for (let k = from; k < end; k++) total += h.occValue[k]!;
  const firstDay = h.occDay[from]!;
  const lastDay = h.occDay[end - 1]!;
  return { n, x: n - 1, tx: lastDay - firstDay, T: day - firstDay, firstDay, lastDay, total, mean: total / n };
}

/** Occasions and their value in [fromDay, toDay). */
export function activityBetween(h: Histories, c: number, fromDay: number, toDay: number): { n: number; value: number } {
  const a = occasionsBefore(h, c, fromDay);
  const b = occasionsBefore(h, c, toDay);
  let value = 0;
  for (let k = a; k < b; k++) value += h.occValue[k]!;
  return { n: b - a, value };
}
