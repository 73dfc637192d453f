/** UTC day arithmetic: rollups are keyed by UTC day so every node agrees on bucket boundaries. */
export const DAY_MS = 86_400_000;

export function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayStartMs(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Every day key from `fromMs` to `toMs` inclusive (UTC days). */
export function daysBetween(fromMs: number, toMs: number): string[] {
  const out: string[] = [];
  for (let t = dayStartMs(fromMs); t <= toMs; t += DAY_MS) out.push(dayKey(t));
  return out;
}

export function parseMs(iso: string | undefined | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
