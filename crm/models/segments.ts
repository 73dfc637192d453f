import { chooseK, nearest } from './kmeans.js';
import { standardiser } from './logistic.js';
import type { Rfm } from './rfm.js';

/**
 * k-means segments (k by silhouette, 3..6) over log recency, log purchase days and log revenue,
 * plus CSAT and negative-message share when the business has conversations. Each cluster is
 * named from its members' average RFM scores with the usual marketing map, e.g. recent and
 * frequent = "Champions", frequent but lapsing = "At risk".
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

export function labelFor(r: number, f: number, m: number | null, csat: number | null): string {
  let label: string;
  if (r >= 4 && f >= 4) label = 'Champions';
  else if (r >= 3 && f >= 3.5) label = 'Loyal customers';
  else if (r >= 4 && f < 2) label = 'New customers';
  else if (r >= 3 && f < 3.5) label = 'Promising';
  else if (f >= 3 || (m ?? 0) >= 4) label = 'At risk';
  else if (r >= 2) label = 'Needs attention';
  else label = 'Hibernating';
  return csat !== null && csat < 3 ? `${label}, unhappy` : label;
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
  const used = new Map<string, number>();
  const segments: SegmentSummary[] = chosen.centroids.map((_, id) => {
    const members = points.filter((_, i) => assign[i] === id);
    const ms = members.map((p) => p.rfm.m).filter((m): m is number => m !== null);
    const cs = members.map((p) => p.csat).filter((c): c is number => c !== null);
    const avg = { r: avgOf(members.map((p) => p.rfm.r)) ?? 0, f: avgOf(members.map((p) => p.rfm.f)) ?? 0, m: avgOf(ms), csat: avgOf(cs) };
    const base = labelFor(avg.r, avg.f, avg.m, avg.csat);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return {
      id,
      label: n > 1 ? `${base} (${n})` : base,
      size: members.length,
      share: members.length / points.length,
      revenue: members.reduce((s, p) => s + p.revenue, 0),
      expectedRevenue: members.reduce((s, p) => s + p.expectedRevenue, 0),
      avg,
    };
  });
  return { assign, segments, silhouette: chosen.silhouette };
}
