import type { ClvValue } from './clv.js';
import type { ContactFeatures } from './conversations.js';
import type { Counts } from './counts.js';

/**
 * Churn features of one customer as of a day. Purchase features exist for buyers; conversation
 * features are added when the business has conversations. Everything is computed from activity
 * strictly before that day, so training at the cut date sees nothing from after it. Scale-free
 * forms (logs, ratios) on purpose: the model is trained at the cut, on a shorter history than
 * the one it scores at asOf.
 */
export const PURCHASE_FEATURES = ['logRecency', 'logFrequency', 'logAvgValue', 'overdueRatio', 'recentTrend', 'pAlive', 'pNoPurchase', 'logExpectedOrders'] as const;
export const CONTACT_FEATURES = ['daysSinceContact', 'contactsRecent', 'csatShortfall', 'negativeShare', 'escalations', 'unanswered'] as const;
export type FeatureName = (typeof PURCHASE_FEATURES)[number] | (typeof CONTACT_FEATURES)[number] | 'logContacts' | 'contactTenureDays';


export interface FeatureContext {
  horizonDays: number;
  /** Purchase days in the `horizonDays` before the day. */
  recentOccasions: number;
  counts: Counts | null;
  clv: ClvValue | null;
  contact: ContactFeatures;
}

/** Contact-only businesses: the same questions asked of conversations instead of purchases. */
export const CONTACT_ONLY_FEATURES: FeatureName[] = ['daysSinceContact', 'logContacts', 'contactTenureDays', 'contactsRecent', 'csatShortfall', 'negativeShare', 'escalations', 'unanswered'];

export function featureValue(name: FeatureName, c: FeatureContext, day: number): number {
  const k = c.counts;
  const H = c.horizonDays;
  switch (name) {
    case 'logRecency':
      return k ? Math.log1p(k.T - k.tx) : 0;
    case 'logFrequency':
      return k ? Math.log(k.n) : 0;
    case 'logAvgValue':
      return k ? Math.log1p(Math.max(0, k.mean)) : 0;
    case 'overdueRatio': {
      // Days since the last purchase over the customer's usual gap (the horizon for one-time buyers).
      if (!k) return 0;
      const gap = k.x > 0 ? Math.max(1, k.tx / k.x) : H;
      return Math.log1p((k.T - k.tx) / gap);
    }
    case 'recentTrend': {
      // Recent purchase days against what the long-run rate predicts for one horizon.
      if (!k) return 0;
      const expected = (k.n * H) / Math.max(k.T, H);
      return Math.log1p(c.recentOccasions) - Math.log1p(expected);
    }
    case 'pAlive':
      return c.clv ? c.clv.pAlive : 0;
    case 'pNoPurchase':
      return c.clv ? c.clv.pNoPurchase : 1;
    case 'logExpectedOrders':
      return c.clv ? Math.log1p(c.clv.expectedOrders) : 0;
    case 'daysSinceContact':
      return Math.min(365, c.contact.daysSinceContact ?? 365);
    case 'logContacts':
      return Math.log1p(c.contact.contacts);
    case 'contactTenureDays':
      return c.contact.firstContactDay === null ? 0 : day - c.contact.firstContactDay;
    case 'contactsRecent':
      return c.contact.contactsRecent;
    case 'csatShortfall':
      return c.contact.csatAvg === null ? 0 : 5 - c.contact.csatAvg;
    case 'negativeShare':
      return c.contact.negativeShare;
    case 'escalations':
      return c.contact.escalations;
    case 'unanswered':
      return c.contact.unanswered;
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const money = (v: number): string => (v >= 100 ? Math.round(v).toString() : v.toFixed(2));

/** The feature's value for this customer, in words a marketer or agent reads at a glance. */
export function describeFeature(name: FeatureName, c: FeatureContext, day: number): string {
  const k = c.counts;
  const H = c.horizonDays;
  const v = featureValue(name, c, day);
  switch (name) {
    case 'logRecency':
      return `last purchase ${plural(Math.round(Math.expm1(v)), 'day')} ago`;
    case 'logFrequency':
      return k && k.n === 1 ? 'only one purchase so far' : `bought on ${plural(k?.n ?? 0, 'day')} so far`;
    case 'logAvgValue':
      return `average order ${money(k?.mean ?? 0)}`;
    case 'overdueRatio': {
      if (!k || k.x === 0) return `one purchase, ${plural(k ? k.T : 0, 'day')} ago`;
      const ratio = (k.T - k.tx) / Math.max(1, k.tx / k.x);
      return ratio >= 1 ? `${ratio.toFixed(1)}x their usual gap since the last purchase` : 'within their usual buying rhythm';
    }
    case 'recentTrend':
      return v < -0.1 ? `buying less than usual in the last ${H} days` : v > 0.1 ? `buying more than usual in the last ${H} days` : `buying at their usual pace`;
    case 'pAlive':
      return `purchase model: ${Math.round(v * 100)}% likely still an active customer`;
    case 'pNoPurchase':
      return `purchase model: ${Math.round(v * 100)}% chance of no purchase in the next ${H} days`;
    case 'logExpectedOrders':
      return `purchase model expects ${(c.clv?.expectedOrders ?? 0).toFixed(1)} orders in the next ${H} days`;
    case 'daysSinceContact':
      return c.contact.daysSinceContact === null ? 'never contacted us' : `last contact ${plural(c.contact.daysSinceContact, 'day')} ago`;
    case 'logContacts':
      return plural(c.contact.contacts, 'conversation') + ' so far';
    case 'contactTenureDays':
      return `in touch for ${plural(Math.round(v), 'day')}`;
    case 'contactsRecent':
      return `${plural(v, 'conversation')} in the last ${H} days`;
    case 'csatShortfall':
      return c.contact.csatAvg === null ? 'no CSAT rating' : `average CSAT ${c.contact.csatAvg.toFixed(1)}/5`;
    case 'negativeShare':
      return `${Math.round(v * 100)}% negative messages lately`;
    case 'escalations':
      return `${plural(v, 'escalation')} in the last ${H} days`;
    case 'unanswered':
      return `${plural(v, 'unanswered question')} in the last ${H} days`;
  }
}
