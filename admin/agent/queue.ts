import type { Stores } from '../../core/index.js';
import { summarise } from '../http/summaries.js';

/** Every `queued` and `agent` conversation: the waiting ones first (longest wait on top), then the claimed ones. */
export async function loadQueue(stores: Stores) {
  const page = await stores.conversations.list({ states: ['queued', 'agent'], limit: 200 });
  const items = await summarise(page.items, stores.customers);
  return items.sort((a, b) => {
    if (a.state !== b.state) return a.state === 'queued' ? -1 : 1;
    return (a.waitingSince ?? a.createdAt).localeCompare(b.waitingSince ?? b.createdAt);
  });
}
