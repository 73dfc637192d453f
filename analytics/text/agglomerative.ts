/**
 * Average-linkage agglomerative clustering on a similarity matrix, stopping when the
 * best pair of clusters is less similar than `threshold`. O(n^3) worst case: callers cap n
 * (a few hundred distinct texts). `weights` are duplicate counts, so identical texts weigh in.
 */
export function agglomerate(sim: Float32Array, n: number, threshold: number, weights: number[]): number[][] {
  const clusters: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const size = weights.slice();
  // Working copy holds the cluster-to-cluster average similarity (Lance-Williams update).
  const s = Float32Array.from(sim);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let best = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!clusters[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!clusters[j]) continue;
        const v = s[i * n + j]!;
        if (v > best) (best = v), (bi = i), (bj = j);
      }
    }
    if (bi < 0 || best < threshold) break;
    const wi = size[bi]!;
    const wj = size[bj]!;
    for (let k = 0; k < n; k++) {
      if (!clusters[k] || k === bi || k === bj) continue;
      const v = (wi * s[bi * n + k]! + wj * s[bj * n + k]!) / (wi + wj);
      s[bi * n + k] = v;
      s[k * n + bi] = v;
    }
    clusters[bi] = [...clusters[bi]!, ...clusters[bj]!];
    clusters[bj] = null;
    size[bi] = wi + wj;
  }
  return clusters.filter((c): c is number[] => c !== null);
}
