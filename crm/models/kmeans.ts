import { seededRandom } from '../../core/index.js';
import { strideSample } from './sample.js';

export interface KMeansResult {
  centroids: number[][];
  assign: number[];
  inertia: number;
}

export function sqDist(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s;
}

export function nearest(centroids: number[][], p: number[]): number {
  let best = 0;
  let bestD = Infinity;
  centroids.forEach((c, j) => {
    const d = sqDist(c, p);
    if (d < bestD) (bestD = d), (best = j);
  });
  return best;
}

/** k-means++ seeding: each next centre drawn with probability proportional to squared distance. */
function seed(points: number[][], k: number, rand: () => number): number[][] {
  const centroids = [points[Math.floor(rand() * points.length)]!.slice()];
  const d2 = points.map((p) => sqDist(p, centroids[0]!));
  while (centroids.length < k) {
    const total = d2.reduce((a, b) => a + b, 0);
    let r = rand() * total;
    let pick = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      r -= d2[i]!;
      if (r <= 0) (pick = i), (i = points.length);
    }
    const c = points[pick]!.slice();
    centroids.push(c);
    for (let i = 0; i < points.length; i++) d2[i] = Math.min(d2[i]!, sqDist(points[i]!, c));
  }
  return centroids;
}

export function kmeans(points: number[][], k: number, opts: { seed?: number; maxIter?: number; restarts?: number } = {}): KMeansResult {
  const rand = seededRandom(opts.seed ?? 42);
  let best: KMeansResult | null = null;
  for (let r = 0; r < (opts.restarts ?? 3); r++) {
    const centroids = seed(points, k, rand);
    const assign = new Array<number>(points.length).fill(-1);
    for (let iter = 0; iter < (opts.maxIter ?? 50); iter++) {
      let moved = 0;
      points.forEach((p, i) => {
        const j = nearest(centroids, p);
        if (assign[i] !== j) (assign[i] = j), moved++;
      });
      const sums = centroids.map((c) => new Array<number>(c.length).fill(0));
      const counts = new Array<number>(k).fill(0);
      points.forEach((p, i) => {
        const j = assign[i]!;
        counts[j]!++;
        p.forEach((v, d) => (sums[j]![d]! += v));
      });
      // An emptied cluster keeps its old centre instead of collapsing to NaN.
      sums.forEach((s, j) => counts[j]! > 0 && (centroids[j] = s.map((v) => v / counts[j]!)));
      if (moved === 0) break;
    }
    const inertia = points.reduce((a, p, i) => a + sqDist(p, centroids[assign[i]!]!), 0);
    if (!best || inertia < best.inertia) best = { centroids, assign, inertia };
  }
  return best!;
}

/** Mean silhouette (Euclidean): near 1 = tight, well separated clusters. */
export function silhouette(points: number[][], assign: number[], k: number): number {
  if (k < 2) return 0;
  let total = 0;
  points.forEach((p, i) => {
    const sum = new Array<number>(k).fill(0);
    const cnt = new Array<number>(k).fill(0);
    points.forEach((q, j) => {
      if (i === j) return;
      sum[assign[j]!]! += Math.sqrt(sqDist(p, q));
      cnt[assign[j]!]!++;
    });
    const own = assign[i]!;
    if (cnt[own] === 0) return; // a singleton cluster scores 0
    const a = sum[own]! / cnt[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && cnt[c]! > 0) b = Math.min(b, sum[c]! / cnt[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b, 1e-12);
  });
  return total / points.length;
}

export interface ChosenClustering extends KMeansResult {
  k: number;
  silhouette: number;
  scores: { k: number; silhouette: number }[];
}

/**
 * Fits k = kMin..kMax on a sample and keeps the k with the best silhouette.
 * Yields to the event loop between candidate k's (each is tens of ms at most).
 */
export async function chooseK(points: number[][], o: { kMin?: number; kMax?: number; fitSample?: number; scoreSample?: number; seed?: number } = {}): Promise<ChosenClustering> {
  const fit = strideSample(points, o.fitSample ?? 4000);
  const kMax = Math.min(o.kMax ?? 8, fit.length - 1);
  let best: ChosenClustering | null = null;
  const scores: { k: number; silhouette: number }[] = [];
  for (let k = o.kMin ?? 2; k <= kMax; k++) {
    const res = kmeans(fit, k, { seed: o.seed ?? 42 });
    const idx = strideSample(fit.map((_, i) => i), o.scoreSample ?? 800);
    const s = silhouette(idx.map((i) => fit[i]!), idx.map((i) => res.assign[i]!), k);
    scores.push({ k, silhouette: s });
    await new Promise<void>((r) => setImmediate(r));
    if (!best || s > best.silhouette) best = { ...res, k, silhouette: s, scores };
  }
  if (!best) throw new RangeError('chooseK needs at least 3 points');
  const centroids = best.centroids;
  return { ...best, assign: points.map((p) => nearest(centroids, p)), scores };
}
