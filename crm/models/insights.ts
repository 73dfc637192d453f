import { calibrate, type Calibration } from './calibration.js';
import { CONTACT_FEATURES, CONTACT_ONLY_FEATURES, PURCHASE_FEATURES, type FeatureContext, type FeatureName } from './churn-features.js';
import { trainChurn, scoreChurn, type ChurnRow, type ChurnScore } from './churn.js';
import { clvFor, fitClv, type ClvModel, type ClvValue } from './clv.js';
import { contactFeaturesAt, groupConversations, type ContactEvent } from './conversations.js';
import { activityBetween, countsAt } from './counts.js';
import { buildHistories, DAY_MS, type Histories } from './history.js';
import { deriveHorizon, HORIZON_MIN_DAYS, medianGap } from './horizon.js';
import type { ConversationSummary, LineBatches } from './input.js';
import { quintileCuts, rfmOf, type Rfm } from './rfm.js';
import { buildSegments, type SegmentPoint, type SegmentSummary } from './segments.js';

export interface CustomerInsights {
  asOf: string;
  orders: number;
  revenue: number;
  lastOrderAt: string | null;
  rfm: Rfm | null;
  segment: { id: number; label: string } | null;
  churn: ChurnScore | null;
  clv: Omit<ClvValue, 'pNoPurchase'> | null;
}

export interface InsightsOptions {
  asOf: Date;
  /** CLV horizon (default 365 days). */
  clvHorizonDays?: number;
  /** Overrides the churn horizon learned from the data (eval:crm sets it to the hold-out length). */
  churnHorizonDays?: number;
}

export interface RunSummary {
  asOf: string;
  customers: number;
  buyers: number;
  lines: Histories['stats'];
  churn: {
    mode: 'purchase' | 'contact' | null;
    horizonDays: number | null;
    horizonSource: 'learned' | 'given' | null;
    cutDate: string | null;
    heldOutAuc: number | null;
    trainSize: number;
    testSize: number;
    positives: number;
    negatives: number;
    weights: Record<string, number>;
  };
  clv: { horizonDays: number; model: ClvModel | null };
  segments: { silhouette: number; items: SegmentSummary[] } | null;
  calibration: Calibration | null;
  notes: string[];
}

export interface CrmModelRun {
  customers: { customerId: string; insights: CustomerInsights }[];
  summary: RunSummary;
}

/** Buyers needed before churn is defined by purchases rather than by conversations. */
const MIN_BUYERS_FOR_PURCHASE_CHURN = 50;

/**
 * Every CRM model as of `asOf`, from order lines (oldest first) and optional conversation
 * summaries: plain data in, plain data out, so it runs as well in a worker thread.
 */
export async function computeInsights(lines: LineBatches, conversations: Iterable<ConversationSummary> | null, o: InsightsOptions): Promise<CrmModelRun> {
  const asOfMs = o.asOf.getTime();
  const asOfIso = o.asOf.toISOString();
  const h = await buildHistories(lines, o.asOf);
  const convs = conversations ? groupConversations(conversations, asOfMs) : new Map<string, ContactEvent[]>();
  const hasConvs = convs.size > 0;
  const ids = [...h.ids];
  const known = new Set(ids);
  for (const id of convs.keys()) if (!known.has(id)) ids.push(id);
  const hIndex = (i: number) => (i < h.ids.length ? i : -1);
  const endDay = Math.ceil(asOfMs / DAY_MS);
  const notes: string[] = [];
  const clvHorizon = o.clvHorizonDays ?? 365;
  let buyers = 0;
  for (let c = 0; c < h.ids.length; c++) if (h.orders[c]! > 0) buyers++;

  // Churn definition: purchases when enough customers buy, else conversations.
  const mode = buyers >= MIN_BUYERS_FOR_PURCHASE_CHURN ? 'purchase' : hasConvs ? 'contact' : null;
  const gaps: number[] = [];
  let firstDay = endDay;
  if (mode === 'purchase') {
    for (let c = 0; c < h.ids.length; c++) {
      const g = medianGap(h.occDay, h.occStart[c]!, h.occStart[c + 1]!);
      if (g !== null) gaps.push(g);
      if (h.occStart[c + 1]! > h.occStart[c]!) firstDay = Math.min(firstDay, h.occDay[h.occStart[c]!]!);
    }
  } else if (mode === 'contact') {
    for (const ev of convs.values()) {
      const days = [...new Set(ev.map((e) => e.day))];
      const g = medianGap(days, 0, days.length);
      if (g !== null) gaps.push(g);
      firstDay = Math.min(firstDay, ev[0]!.day);
    }
  }
  const learned = deriveHorizon(gaps, endDay - firstDay);
  // A given horizon longer than half the history would leave nothing before the cut to learn from.
  const learnable = Math.max(HORIZON_MIN_DAYS, Math.floor((endDay - firstDay) / 2));
  let H = o.churnHorizonDays ?? learned?.days ?? null;
  if (o.churnHorizonDays && H !== null && H > learnable) {
    notes.push(`Churn horizon ${H} days is longer than half the history: churn is learned over ${learnable} days instead`);
    H = learnable;
  }
  const cutDay = H === null ? null : endDay - H;

  // Purchase models now (insights) and at the cut (churn features, calibration).
  const clvNow = buyers > 0 ? fitClv(h, endDay) : null;
  if (clvNow?.kind === 'fallback') notes.push(clvNow.note);
  else if (clvNow?.note) notes.push(clvNow.note);
  const clvCut = mode === 'purchase' && cutDay !== null ? fitClv(h, cutDay) : null;

  const contextAt = (i: number, day: number, model: ClvModel | null, horizon: number): FeatureContext => {
    const c = hIndex(i);
    const counts = c >= 0 ? countsAt(h, c, day) : null;
    return {
      horizonDays: horizon,
      recentOccasions: c >= 0 ? activityBetween(h, c, day - horizon, day).n : 0,
      counts,
      clv: counts && model ? clvFor(model, counts, horizon) : null,
      contact: contactFeaturesAt(convs.get(ids[i]!), day, horizon),
    };
  };
  const active = (i: number, day: number): boolean => {
    const c = hIndex(i);
    if (mode === 'purchase') return c >= 0 && countsAt(h, c, day) !== null;
    const ev = convs.get(ids[i]!);
    return !!ev && ev[0]!.day < day;
  };
  const activeBetween = (i: number, from: number, to: number): boolean => {
    const c = hIndex(i);
    if (mode === 'purchase') return c >= 0 && activityBetween(h, c, from, to).n > 0;
    return (convs.get(ids[i]!) ?? []).some((e) => e.day >= from && e.day < to);
  };

  const features: FeatureName[] = mode === 'purchase' ? [...PURCHASE_FEATURES, ...(hasConvs ? CONTACT_FEATURES : [])] : [...CONTACT_ONLY_FEATURES];
  let churnModel: Extract<ReturnType<typeof trainChurn>, { model: unknown }>['model'] | null = null;
  if (mode === null) notes.push('Churn needs purchases or conversations: there are none before asOf');
  else if (H === null || cutDay === null) notes.push(`Churn needs at least 20 customers with two ${mode === 'purchase' ? 'purchase' : 'contact'} days to learn a horizon`);
  else {
    const rows: ChurnRow[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (!active(i, cutDay)) continue;
      rows.push({ id: ids[i]!, ctx: contextAt(i, cutDay, clvCut, H), y: activeBetween(i, cutDay, endDay) ? 0 : 1 });
    }
    const trained = trainChurn(rows, features, cutDay);
    if ('reason' in trained) notes.push(trained.reason);
    else churnModel = trained.model;
  }

  // Per customer, as of asOf.
  const iso = (ms: number) => new Date(ms).toISOString();
  const per: CustomerInsights[] = [];
  const points: SegmentPoint[] = [];
  const pointOf: number[] = [];
  const recency: number[] = [];
  const freq: number[] = [];
  const money: number[] = [];
  const rfmIdx: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const c = hIndex(i);
    const counts = c >= 0 ? countsAt(h, c, endDay) : null;
    const ev = convs.get(ids[i]!);
    const full = counts && clvNow ? clvFor(clvNow, counts, clvHorizon) : null;
    const clv = full && { pAlive: full.pAlive, expectedOrders: full.expectedOrders, expectedRevenue: full.expectedRevenue };
    const churn = churnModel && H !== null && active(i, endDay) ? scoreChurn(churnModel, contextAt(i, endDay, clvNow, H), endDay) : null;
    per.push({
      asOf: asOfIso,
      orders: c >= 0 ? h.orders[c]! : 0,
      revenue: c >= 0 ? Math.round(h.revenue[c]! * 100) / 100 : 0,
      lastOrderAt: c >= 0 && Number.isFinite(h.lastOrderMs[c]!) ? iso(h.lastOrderMs[c]!) : null,
      rfm: null,
      segment: null,
      churn,
      clv,
    });
    if (counts) {
      rfmIdx.push(i), recency.push(counts.T - counts.tx), freq.push(counts.n), money.push(h.revenue[c]!);
    } else if (mode === 'contact' && ev) {
      rfmIdx.push(i), recency.push(endDay - ev[ev.length - 1]!.day), freq.push(new Set(ev.map((e) => e.day)).size), money.push(Number.NaN);
    }
  }
  const cuts = { recency: quintileCuts(recency), frequency: quintileCuts(freq), monetary: money.some(Number.isFinite) ? quintileCuts(money.filter(Number.isFinite)) : null };
  rfmIdx.forEach((i, k) => {
    const rfm = rfmOf(recency[k]!, freq[k]!, Number.isFinite(money[k]!) ? money[k]! : null, cuts);
    per[i]!.rfm = rfm;
    const cf = contactFeaturesAt(convs.get(ids[i]!), endDay, H ?? 90);
    points.push({ rfm, recencyDays: recency[k]!, frequency: freq[k]!, revenue: Number.isFinite(money[k]!) ? money[k]! : 0, csat: cf.csatAvg, negativeShare: cf.negativeShare, expectedRevenue: per[i]!.clv?.expectedRevenue ?? 0 });
    pointOf.push(i);
  });
  const seg = await buildSegments(points, hasConvs);
  let segments: RunSummary['segments'] = null;
  if ('reason' in seg) notes.push(seg.reason);
  else {
    seg.assign.forEach((s, k) => (per[pointOf[k]!]!.segment = { id: s, label: seg.segments[s]!.label }));
    segments = { silhouette: seg.silhouette, items: seg.segments };
  }

  const weights: Record<string, number> = {};
  churnModel?.features.forEach((f, j) => (weights[f] = Math.round(churnModel!.weights[j]! * 1000) / 1000));
  return {
    customers: per.map((insights, i) => ({ customerId: ids[i]!, insights })),
    summary: {
      asOf: asOfIso,
      customers: ids.length,
      buyers,
      lines: h.stats,
      churn: {
        mode,
        horizonDays: H,
        horizonSource: o.churnHorizonDays ? 'given' : learned ? 'learned' : null,
        cutDate: cutDay === null ? null : iso(cutDay * DAY_MS),
        heldOutAuc: churnModel?.heldOutAuc ?? null,
        trainSize: churnModel?.trainSize ?? 0,
        testSize: churnModel?.testSize ?? 0,
        positives: churnModel?.positives ?? 0,
        negatives: churnModel?.negatives ?? 0,
        weights,
      },
      clv: { horizonDays: clvHorizon, model: clvNow },
      segments,
      calibration: clvCut && cutDay !== null ? calibrate(h, clvCut, cutDay, endDay) : null,
      notes,
    },
  };
}
