import { chooseK, nearest } from './kmeans.js';
import { standardiser } from './logistic.js';
import type { Rfm } from './rfm.js';

/**
 * k-means segments (k by silhouette, 3..6) over log recency, log purchase days and log revenue,
 * plus CSAT and negative-message share when the business has conversations. Each cluster is
 * named after the nearest marketing archetype, e.g. recent and
 * frequent = "Champions", frequent but lapsing = "At risk" (see ARCHETYPES).
 */
export interface SegmentPoint {
  rfm: Rfm;
  recencyDays: number;
  frequency: number;
  revenue: number;
  csat: number | null;
  negativeShare: number;
  expectedRevenue: number;
}

export interface SegmentSummary {
  id: number;
  label: string;
  size: number;
  share: number;
  revenue: number;
  expectedRevenue: number;
  avg: { r: number; f: number; m: number | null; csat: number | null };
}

/**
 * Marketing archetypes as points in standardised (recency, frequency, revenue) space, with recency
 * flipped so + means bought recently. Each cluster takes the nearest archetype not yet taken
 * (closest pairs first), so every segment gets a distinct, familiar name.
 */
export const ARCHETYPES: { label: string; at: [number, number, number] }[] = [
  { label: 'Champions', at: [1, 1.2, 1.2] },
  { label: 'Loyal customers', at: [0.3, 1, 0.7] },
  { label: 'At risk', at: [-1, 0.6, 0.5] },
  { label: 'New customers', at: [1, -0.8, -0.3] },
  { label: 'Promising', at: [0.6, -0.2, 0] },
  { label: 'Needs attention', at: [-0.3, -0.2, -0.2] },
  { label: 'Hibernating', at: [-1.2, -0.8, -0.8] },
];

export function labelClusters(centroids: number[][]): string[] {
  const pairs: { c: number; a: number; d: number }[] = [];
  centroids.forEach((z, c) =>
    ARCHETYPES.forEach((arch, a) => {
      const p = [-z[0]!, z[1]!, z[2]!];
      pairs.push({ c, a, d: p.reduce((s, v, j) => s + (v - arch.at[j]!) ** 2, 0) });
    }),
  );
  pairs.sort((x, y) => x.d - y.d);
  const labels = new Array<string>(centroids.length).fill('');
  const taken = new Set<number>();
  for (const { c, a } of pairs) {
    if (labels[c] || taken.has(a)) continue;
    labels[c] = ARCHETYPES[a]!.label;
    taken.add(a);
  }
  // More clusters than archetypes cannot happen (k <= 6); keep a name anyway.
  return labels.map((l, c) => l || `Segment ${c + 1}`);
}

const avgOf = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export async function buildSegments(points: SegmentPoint[], withConversations: boolean, seed = 7): Promise<{ assign: number[]; segments: SegmentSummary[]; silhouette: number } | { reason: string }> {
  if (points.length < 30) return { reason: `Segments need at least 30 customers with purchases or conversations (have ${points.length})` };
  const csats = points.map((p) => p.csat).filter((c): c is number => c !== null);
  const csatImpute = avgOf(csats) ?? 4;
  const raw = points.map((p) => {
    const v = [Math.log1p(p.recencyDays), Math.log1p(p.frequency), Math.log1p(Math.max(0, p.revenue))];
    if (withConversations) v.push(p.csat ?? csatImpute, p.negativeShare);
    return v;
  });
  const { mean, std } = standardiser(raw);
  const z = raw.map((r) => r.map((v, j) => (v - mean[j]!) / std[j]!));
  const chosen = await chooseK(z, { kMin: 3, kMax: 6, seed });
  const assign = z.map((p) => nearest(chosen.centroids, p));
  const names = labelClusters(chosen.centroids);
  const segments: SegmentSummary[] = chosen.centroids.map((_, id) => {
    const members = points.filter((_, i) => assign[i] === id);
    const ms = members.map((p) => p.rfm.m).filter((m): m is number => m !== null);
    const cs = members.map((p) => p.csat).filter((c): c is number => c !== null);
    const avg = { r: avgOf(members.map((p) => p.rfm.r)) ?? 0, f: avgOf(members.map((p) => p.rfm.f)) ?? 0, m: avgOf(ms), csat: avgOf(cs) };
    return {
      id,
      label: avg.csat !== null && avg.csat < 3 ? `${names[id]}, unhappy` : names[id]!,
      size: members.length,
      share: members.length / points.length,
      revenue: members.reduce((s, p) => s + p.revenue, 0),
      expectedRevenue: members.reduce((s, p) => s + p.expectedRevenue, 0),
      avg,
    };
  });
  return { assign, segments, silhouette: chosen.silhouette };
}
