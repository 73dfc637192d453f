/**
 * The queries Parley runs on every message, connect or agent action, and a recorder of the
 * filters they send. Shared by the server-free index-coverage test and the explain() suite.
 */
import type { Connection } from 'mongoose';
import type { Stores } from '../../../core/index.js';
import { encodeCursor } from '../../shared/page.js';

export interface RecordedQuery {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
  sort?: Record<string, 1 | -1>;
}

/** Methods whose first argument is a filter. */
const FILTERED = new Set(['find', 'findOne', 'countDocuments', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndDelete', 'replaceOne', 'distinct']);

/** Records each filtered collection call through mongoose's per-connection debug hook. */
export function recordQueries(conn: Connection): RecordedQuery[] {
  const seen: RecordedQuery[] = [];
  conn.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (!FILTERED.has(method)) return;
    const filter = (args[0] ?? {}) as Record<string, unknown>;
    const options = (method === 'updateOne' || method === 'updateMany' || method === 'findOneAndUpdate' ? args[2] : args[1]) as
      | { sort?: Record<string, 1 | -1> }
      | undefined;
    seen.push({ collection, method, filter, ...(options?.sort ? { sort: options.sort } : {}) });
  });
  return seen;
}

export interface HotQuery {
  name: string;
  run: (s: Omit<Stores, 'ping' | 'close'>) => Promise<unknown>;
}

const key = { senderKey: 'customer:c1', clientMessageId: 'm-1' };

/** Only the first query of each call is recorded without a server (the call then fails). */
export const HOT_QUERIES: HotQuery[] = [
  { name: 'idempotency lookup', run: (s) => s.conversations.findByIdempotency(key) },
  { name: 'append (idempotent)', run: (s) => s.conversations.appendMessage({ conversationId: 'c1', author: 'customer', text: 'hi', idempotency: key }) },
  { name: 'findByVisitorToken', run: (s) => s.customers.findByVisitorToken('tok-123456') },
  { name: 'findByExternalId', run: (s) => s.customers.findByExternalId('ext-1') },
  { name: 'customers.get', run: (s) => s.customers.get('u1') },
  { name: 'listReplies', run: (s) => s.conversations.listReplies('m1') },
  { name: 'recentMessages', run: (s) => s.conversations.recentMessages('c1', 20) },
  { name: 'listMessages', run: (s) => s.conversations.listMessages('c1', { limit: 20 }) },
  { name: 'listMessages (cursor)', run: (s) => s.conversations.listMessages('c1', { limit: 20, cursor: encodeCursor('41') }) },
  { name: 'getMessage', run: (s) => s.conversations.getMessage('m1') },
  { name: 'conversations.get', run: (s) => s.conversations.get('c1') },
  { name: 'findOpen', run: (s) => s.conversations.findOpen('u1') },
  { name: 'findLatest', run: (s) => s.conversations.findLatest('u1') },
  { name: 'queue list', run: (s) => s.conversations.list({ states: ['queued'], limit: 20 }) },
  { name: 'conversations by customer', run: (s) => s.conversations.list({ customerId: 'u1', limit: 20 }) },
  { name: 'erase messages by customer', run: (s) => s.conversations.eraseCustomer('u1') },
  { name: 'interactions by customer', run: (s) => s.interactions.list({ customerId: 'u1', limit: 20 }) },
  { name: 'interactions by conversation', run: (s) => s.interactions.list({ conversationId: 'c1', limit: 20 }) },
  { name: 'active NLU model', run: (s) => s.nluModels.active() },
  { name: 'FAQ revision', run: (s) => s.knowledge.revision() },
  { name: 'staff login', run: (s) => s.users.findByEmail('agent@example.com') },
];
