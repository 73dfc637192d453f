import type { Stores } from '../../core/index.js';
import { createCustomerPriority, type CustomerPriority } from '../../bot/index.js';
import { summarise } from '../http/summaries.js';

/**
 * Every `queued` and `agent` conversation: the waiting ones first, and among them high-value or at-risk customers
 * first (each marked with why), then by longest wait; then the claimed ones.
 */
export async function loadQueue(stores: Stores, priority: CustomerPriority = createCustomerPriority(stores)) {
  const page = await stores.conversations.list({ states: ['queued', 'agent'], limit: 200 });
  const summaries = await summarise(page.items, stores.customers);
  const reasons = new Map(await Promise.all([...new Set(page.items.map((c) => c.customerId))].map(async (id) => [id, await priority.reasons(id).catch(() => [])] as const)));
  const items = summaries.map((s) => {
    const why = reasons.get(s.customer.id) ?? [];
    return why.length > 0 ? { ...s, priority: { reasons: why } } : s;
  });
  return items.sort((a, b) => {
    if (a.state !== b.state) return a.state === 'queued' ? -1 : 1;
    const pa = a.priority ? 1 : 0;
    const pb = b.priority ? 1 : 0;
    if (a.state === 'queued' && pa !== pb) return pb - pa;
    return (a.waitingSince ?? a.createdAt).localeCompare(b.waitingSince ?? b.createdAt);
  });
}
