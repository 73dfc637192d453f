import { percentile, round } from './args.js';

export interface Judged {
  /** Ranked faq ids (top 5). */
  ranked: string[];
  relevant: Set<string>;
  /** Calibrated probability of the top hit (baseline: none). */
  p1?: number;
  ms: number;
}

export function rankingMetrics(judged: Judged[]): { recall1: number; recall5: number; mrr: number } {
  let r1 = 0, r5 = 0, rr = 0;
  for (const j of judged) {
    const pos = j.ranked.findIndex((id) => j.relevant.has(id));
    if (pos === 0) r1++;
    if (pos >= 0 && pos < 5) { r5++; rr += 1 / (pos + 1); }
  }
  const n = Math.max(1, judged.length);
  return { recall1: round(r1 / n), recall5: round(r5 / n), mrr: round(rr / n) };
}

/** answerPrecision = right answers / answers; answerCoverage = answers / queries. */
export function answerMetrics(judged: Judged[], threshold: number): { answerPrecision: number; answerCoverage: number } {
  const answered = judged.filter((j) => (j.p1 ?? 0) >= threshold && j.ranked.length > 0);
  const right = answered.filter((j) => j.relevant.has(j.ranked[0]!)).length;
  return { answerPrecision: round(answered.length ? right / answered.length : 1), answerCoverage: round(answered.length / Math.max(1, judged.length)) };
}

export function latency(judged: Judged[]): { p50Ms: number; p99Ms: number } {
  const ms = judged.map((j) => j.ms).sort((a, b) => a - b);
  return { p50Ms: round(percentile(ms, 50), 3), p99Ms: round(percentile(ms, 99), 3) };
}
