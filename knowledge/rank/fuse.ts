/**
 * Reciprocal-rank fusion (Cormack et al. 2009): scale-free, so BM25 scores and
 * cosine similarities combine without per-dataset normalisation. k=60 is the
 * paper's constant; we do not tune it.
 */
export const RRF_K = 60;

export function reciprocalRankFusion(lists: readonly (readonly string[])[], k = RRF_K): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + 1 / (k + rank + 1)));
  }
  return fused;
}
