import { isMiss, lastActivity, type CustomerState } from '../customers/customer-state.js';
import { chooseK, nearest, standardiser } from '../../crm/index.js';
import type { OrderAggregate } from './clv.js';
import { describeSegment, type SegmentProfile } from './describe.js';
import { quintileCuts, type RfmCuts } from './rfm.js';

export interface SegmentInfo {
  id: number;
  label: string;
  summary: string;
  size: number;
  share: number;
  profile: SegmentProfile;
}

export interface StoredSegments {
  version: 1;
  k: number;
  silhouette: number;
  scores: { k: number; silhouette: number }[];
  mean: number[];
  std: number[];
  centroids: number[][];
  hasMonetary: boolean;
  csatImpute: number;
  segments: SegmentInfo[];
  rfm: RfmCuts;
  customers: number;
  builtAt: string;
}

export type SegmentResult = { ready: true; model: StoredSegments } | { ready: false; reason: string };

export interface CustomerInput {
  state: CustomerState;
  orders: OrderAggregate | null;
}

export function profileOf(c: CustomerInput, nowSec: number): SegmentProfile {
  const last = lastActivity(c.state, nowSec);
  const rated = c.state.convs.filter((x) => x.s > 0);
  const turns = c.state.turns;
  return {
    recencyDays: last === null ? 365 : Math.max(0, (nowSec - last) / 86_400),
    conversations: c.state.totalConvs,
    csat: rated.length ? rated.reduce((a, x) => a + x.s, 0) / rated.length : null,
    sentiment: turns.length ? turns.reduce((a, t) => a + t[2] / 100, 0) / turns.length : 0,
    missRate: turns.length ? turns.filter((t) => isMiss(t[1]) || t[1] === 'e').length / turns.length : 0,
    monetary: c.orders ? c.orders.total : null,
  };
}

/** Clustering space: logs tame heavy tails, CSAT is imputed with the population mean. */
export function vectorOf(p: SegmentProfile, hasMonetary: boolean, csatImpute: number): number[] {
  const v = [Math.log1p(p.recencyDays), Math.log1p(p.conversations), p.csat ?? csatImpute, p.sentiment, p.missRate];
  if (hasMonetary) v.push(Math.log1p(p.monetary ?? 0));
  return v;
}

const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function meanProfile(ps: SegmentProfile[]): SegmentProfile {
  const csats = ps.map((p) => p.csat).filter((c): c is number => c !== null);
  const money = ps.map((p) => p.monetary).filter((m): m is number => m !== null);
  return {
    recencyDays: avg(ps.map((p) => p.recencyDays)),
    conversations: avg(ps.map((p) => p.conversations)),
    csat: csats.length ? avg(csats) : null,
    sentiment: avg(ps.map((p) => p.sentiment)),
    missRate: avg(ps.map((p) => p.missRate)),
    monetary: money.length ? avg(money) : null,
  };
}

export async function buildSegments(customers: CustomerInput[], nowSec: number, o: { minCustomers?: number; seed?: number } = {}): Promise<SegmentResult> {
  const min = o.minCustomers ?? 20;
  if (customers.length < min) {
    return { ready: false, reason: `Segments need at least ${min} customers with activity (have ${customers.length})` };
  }
  const profiles = customers.map((c) => profileOf(c, nowSec));
  const hasMonetary = customers.some((c) => c.orders !== null);
  const csats = profiles.map((p) => p.csat).filter((c): c is number => c !== null);
  const csatImpute = csats.length ? avg(csats) : 3;
  const raw = profiles.map((p) => vectorOf(p, hasMonetary, csatImpute));
  const { mean, std } = standardiser(raw);
  const z = raw.map((r) => r.map((v, j) => (v - mean[j]!) / std[j]!));
  const chosen = await chooseK(z, { seed: o.seed ?? 7 });
  const population = meanProfile(profiles);
  const members: SegmentProfile[][] = Array.from({ length: chosen.k }, () => []);
  chosen.assign.forEach((j, i) => members[j]!.push(profiles[i]!));
  const used = new Map<string, number>();
  const segments = members.map((ps, id) => {
    const profile = meanProfile(ps);
    const d = describeSegment(profile, population);
    const n = (used.get(d.label) ?? 0) + 1;
    used.set(d.label, n);
    const label = n > 1 ? `${d.label} (${n})` : d.label;
    return { id, label, summary: d.summary.replace(d.label, label), size: ps.length, share: ps.length / profiles.length, profile };
  });
  return {
    ready: true,
    model: {
      version: 1,
      k: chosen.k,
      silhouette: chosen.silhouette,
      scores: chosen.scores,
      mean,
      std,
      centroids: chosen.centroids,
      hasMonetary,
      csatImpute,
      segments,
      rfm: {
        recency: quintileCuts(profiles.map((p) => p.recencyDays)),
        frequency: quintileCuts(profiles.map((p) => p.conversations)),
        monetary: hasMonetary ? quintileCuts(profiles.map((p) => p.monetary ?? 0)) : null,
      },
      customers: profiles.length,
      builtAt: new Date(nowSec * 1000).toISOString(),
    },
  };
}

export function assignSegment(model: StoredSegments, p: SegmentProfile): SegmentInfo | null {
  const v = vectorOf(p, model.hasMonetary, model.csatImpute).map((x, j) => (x - model.mean[j]!) / model.std[j]!);
  return model.segments[nearest(model.centroids, v)] ?? null;
}
