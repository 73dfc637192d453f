import { describe, expect, it } from '@jest/globals';
import { seededRandom as rng } from '../../core/index.js';
import { chooseK, kmeans, silhouette } from './kmeans.js';

function blobs(centres: number[][], perBlob: number, spread: number, seed: number): { points: number[][]; truth: number[] } {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
  const points: number[][] = [];
  const truth: number[] = [];
  centres.forEach((c, j) => {
    for (let i = 0; i < perBlob; i++) {
      points.push(c.map((v) => v + gauss() * spread));
      truth.push(j);
    }
  });
  return { points, truth };
}

/** Share of points whose cluster's majority true label is their own. */
function purity(assign: number[], truth: number[], k: number): number {
  let ok = 0;
  for (let c = 0; c < k; c++) {
    const labels = truth.filter((_, i) => assign[i] === c);
    const counts = new Map<number, number>();
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    ok += Math.max(0, ...counts.values());
  }
  return ok / truth.length;
}

describe('k-means with silhouette-chosen k', () => {
  it.each([
    [3, [[0, 0], [6, 6], [0, 8]]],
    [5, [[0, 0, 0], [8, 0, 0], [0, 8, 0], [0, 0, 8], [8, 8, 8]]],
  ])('recovers %i planted clusters', async (k, centres) => {
    const { points, truth } = blobs(centres, 150, 0.8, k);
    const chosen = await chooseK(points, { seed: 1 });
    expect(chosen.k).toBe(k);
    expect(purity(chosen.assign, truth, chosen.k)).toBeGreaterThan(0.98);
    expect(chosen.silhouette).toBeGreaterThan(0.6);
  });

  it('scores a good split above a bad one', () => {
    const { points, truth } = blobs([[0, 0], [10, 0]], 50, 1, 9);
    const wrong = points.map((p) => (p[1]! > 0 ? 1 : 0));
    expect(silhouette(points, truth, 2)).toBeGreaterThan(silhouette(points, wrong, 2));
  });

  it('is reproducible with the same seed', () => {
    const { points } = blobs([[0, 0], [5, 5], [10, 0]], 40, 1.5, 4);
    expect(kmeans(points, 3, { seed: 5 }).assign).toEqual(kmeans(points, 3, { seed: 5 }).assign);
  });
});
