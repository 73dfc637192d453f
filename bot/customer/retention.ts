import { z } from 'zod';
import { VOID_ORDER_STATUSES, type Stores } from '../../core/index.js';
import { renderTemplate, type ProfileValues } from '../policy/template.js';
import { orderOwners, recentOrders } from './customer-view.js';
import type { CustomerPriority } from './priority.js';

/** KV namespace of retention offers, keyed by customer id (exported and erased with the customer). */
export const RETENTION_NS = 'retention-offers';

const offerRecordSchema = z.object({ offers: z.number().int().positive(), firstAt: z.string(), lastAt: z.string(), conversationId: z.string() });
type OfferRecord = z.infer<typeof offerRecordSchema>;

/** How long after the first offer an order still counts as "stayed". */
export const STAYED_WINDOW_DAYS = 60;

/**
 * The admin's retention offer, rendered for this customer, when they ask to cancel (one of the setting's cancel
 * intents) and are both high value and at risk; null otherwise (the intent answers as usual).
 */
export async function retentionOffer(priority: CustomerPriority | undefined, customerId: string | undefined, intent: string, profile: () => Promise<ProfileValues>): Promise<string | null> {
  if (!priority || !customerId) return null;
  const settings = await priority.settings();
  if (!settings.retentionOffer || !settings.cancelIntents.includes(intent)) return null;
  const reasons = await priority.reasons(customerId);
  if (!reasons.includes('high_value') || !reasons.includes('at_risk')) return null;
  const values = await profile();
  return renderTemplate(settings.retentionOffer, (name) => values[name]);
}

export async function recordOffer(kv: Stores['kv'], customerId: string, conversationId: string, at: string): Promise<void> {
  const known = offerRecordSchema.safeParse(await kv.get(RETENTION_NS, customerId));
  const next: OfferRecord = known.success ? { ...known.data, offers: known.data.offers + 1, lastAt: at, conversationId } : { offers: 1, firstAt: at, lastAt: at, conversationId };
  await kv.put(RETENTION_NS, customerId, next);
}

export interface RetentionReport {
  /** Offers said (a customer offered twice counts twice). */
  offers: number;
  customersOffered: number;
  /** Offered customers with an order that stands (not cancelled or returned) dated within the window after their first offer. */
  stayed: number;
  /** Offered less than the window ago and no such order yet: not counted as lost. */
  pending: number;
  windowDays: number;
}

/** The dashboard's retention figures; "stayed" is defined on `RetentionReport.stayed` (README "Customer priority"). */
export async function retentionReport(stores: Pick<Stores, 'kv' | 'customers' | 'orders'>, now: Date, windowDays = STAYED_WINDOW_DAYS): Promise<RetentionReport> {
  const ids = await stores.kv.keys(RETENTION_NS);
  const report: RetentionReport = { offers: 0, customersOffered: 0, stayed: 0, pending: 0, windowDays };
  const windowMs = windowDays * 86_400_000;
  for (const id of ids) {
    const parsed = offerRecordSchema.safeParse(await stores.kv.get(RETENTION_NS, id));
    if (!parsed.success) continue;
    const { offers, firstAt } = parsed.data;
    report.offers += offers;
    report.customersOffered += 1;
    const from = Date.parse(firstAt);
    const owners = await orderOwners(stores, await stores.customers.get(id));
    const orders = await recentOrders(stores, owners.length > 0 ? owners : [id], 50);
    const kept = orders.some((o) => !VOID_ORDER_STATUSES.includes(o.status) && Date.parse(o.date) > from && Date.parse(o.date) <= from + windowMs);
    if (kept) report.stayed += 1;
    else if (now.getTime() - from < windowMs) report.pending += 1;
  }
  return report;
}
