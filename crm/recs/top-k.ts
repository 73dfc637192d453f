/**
 * The k best candidates by score, best first (ties: lower index first, so lists are deterministic). Insertion into
 * a k-long array: candidates per customer are a few hundred, k is 10-50, so this beats sorting every candidate.
 */
export function topK(candidates: ArrayLike<number>, score: ArrayLike<number>, k: number, skip?: (p: number) => boolean): number[] {
  const best: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!;
    const s = score[p]!;
    if (!(s > 0) || skip?.(p)) continue;
    if (best.length === k) {
      const last = best[k - 1]!;
      if (s < score[last]! || (s === score[last]! && p > last)) continue;
    }
    let at = best.length < k ? best.length : k - 1;
    while (at > 0) {
      const q = best[at - 1]!;
      if (score[q]! > s || (score[q]! === s && q < p)) break;
      best[at] = q;
      at--;
    }
    best[at] = p;
    if (best.length > k) best.length = k;
  }
  return best;
}

/** A dense score buffer reused across customers; `touched` lists the entries written since the last reset. */
export class ScoreBuffer {
  readonly score: Float64Array;
  readonly touched: number[] = [];
  /** Per entry: the largest single contribution and where it came from (the "because" of a reason), -1 = none. */
  readonly topFrom: Int32Array;
  private readonly topValue: Float64Array;
  private readonly seen: Uint8Array;
  constructor(size: number) {
    this.score = new Float64Array(size);
    this.seen = new Uint8Array(size);
    this.topFrom = new Int32Array(size).fill(-1);
    this.topValue = new Float64Array(size);
  }
  add(p: number, v: number, from = -1): void {
    if (!this.seen[p]) (this.seen[p] = 1), this.touched.push(p);
    this.score[p]! += v;
    if (from >= 0 && v > this.topValue[p]!) (this.topValue[p] = v), (this.topFrom[p] = from);
  }
  reset(): void {
    for (const p of this.touched) (this.score[p] = 0), (this.seen[p] = 0), (this.topFrom[p] = -1), (this.topValue[p] = 0);
    this.touched.length = 0;
  }
}
