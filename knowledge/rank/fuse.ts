/**
 * Reciprocal-rank fusion (Cormack et al. 2009): scale-free, so BM25 scores and
 * cosine similarities combine without per-dataset normalisation. k=60 is the
 * paper's constant; we do not tune it. `weights` scale each list's votes
 * (weighted RRF); the vector list's weight is chosen per FAQ (fusion-weight.ts).
 */
export const RRF_K = 60;

export function reciprocalRankFusion(lists: readonly (readonly string[])[], weights: readonly number[] = [], k = RRF_K): Map<string, number> {
  const fused = new Map<string, number>();
  lists.forEach((list, li) => {
    const w = weights[li] ?? 1;
    list.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + w / (k + rank + 1)));
  });
  return fused;
}
