import { DAY_MS } from './history.js';
import type { ConversationSummary } from './input.js';

/** One customer's conversations, ascending by day, so features can be read as of any day. */
export interface ContactEvent {
  day: number;
  csat: number | null;
  negativeShare: number;
  escalated: boolean;
  unanswered: number;
}

/** Groups conversation summaries by customer; those dated on or after asOf are left out. */
export function groupConversations(items: Iterable<ConversationSummary>, asOfMs: number): Map<string, ContactEvent[]> {
  const by = new Map<string, ContactEvent[]>();
  for (const s of items) {
    const ms = Date.parse(s.at);
    if (!Number.isFinite(ms) || ms >= asOfMs) continue;
    const list = by.get(s.customerId) ?? [];
    if (list.length === 0) by.set(s.customerId, list);
    list.push({ day: Math.floor(ms / DAY_MS), csat: s.csat, negativeShare: s.negativeShare, escalated: s.escalated, unanswered: s.unanswered });
  }
  for (const list of by.values()) list.sort((a, b) => a.day - b.day);
  return by;
}

export interface ContactFeatures {
  contacts: number;
  daysSinceContact: number | null;
  firstContactDay: number | null;
  contactsRecent: number;
  csatAvg: number | null;
  negativeShare: number;
  escalations: number;
  unanswered: number;
}

/** Conversation features as of `day` (exclusive); "recent" = the `windowDays` before it. */
export function contactFeaturesAt(events: ContactEvent[] | undefined, day: number, windowDays: number): ContactFeatures {
  const f: ContactFeatures = { contacts: 0, daysSinceContact: null, firstContactDay: null, contactsRecent: 0, csatAvg: null, negativeShare: 0, escalations: 0, unanswered: 0 };
  if (!events) return f;
  let csatSum = 0;
  let rated = 0;
  let neg = 0;
  for (const e of events) {
    if (e.day >= day) break;
    f.contacts++;
    f.firstContactDay ??= e.day;
    f.daysSinceContact = day - e.day;
    if (e.csat !== null) (csatSum += e.csat), rated++;
    if (e.day >= day - windowDays) {
      f.contactsRecent++;
      neg += e.negativeShare;
      if (e.escalated) f.escalations++;
      f.unanswered += e.unanswered;
    }
  }
  f.csatAvg = rated ? csatSum / rated : null;
  f.negativeShare = f.contactsRecent ? neg / f.contactsRecent : 0;
  return f;
}
