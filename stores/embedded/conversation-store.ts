import {
  applyTransition,
  ParleyError,
  type Conversation,
  type ConversationListQuery,
  type ConversationStore,
  type FieldCipher,
} from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { buildConversation, buildEvent, withDialogue } from '../shared/conversation-fields.js';
import { definedOnly } from '../shared/patch.js';
import { eraseCustomerData } from './erase.js';
import { createMessageRows } from './message-rows.js';
import type { Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';
import { statementCache } from './statement-cache.js';
import {
  CONVERSATION_COLUMNS,
  CONVERSATION_VALUES,
  toConversation,
  toConversationRow,
  toEvent,
  type ConversationRow,
  type EventRow,
} from './conversation-rows.js';

export function createConversationStore(db: Db, cipher: FieldCipher): ConversationStore {
  const fromRow = (r: ConversationRow) => toConversation(r, cipher);
  const tx = loopTransaction(db);
  const sql = statementCache(db);
  const byId = db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?');
  const insert = db.prepare(`INSERT INTO conversations (${CONVERSATION_COLUMNS}) VALUES (${CONVERSATION_VALUES})`);
  // Compare-and-set: the row is only written if nobody saved it since we read `version`.
  const cas = db.prepare(`UPDATE conversations SET (${CONVERSATION_COLUMNS}) = (${CONVERSATION_VALUES})
    WHERE id = @id AND version = @expected`);
  const insertEvent = db.prepare(`INSERT INTO conversation_events (id, conversation_id, event, from_state, to_state,
    actor, reason, at) VALUES (@id, @conversation_id, @event, @from_state, @to_state, @actor, @reason, @at)`);
  const events = db.prepare<[string], EventRow>('SELECT * FROM conversation_events WHERE conversation_id = ? ORDER BY id');
  const openOf = db.prepare<[string], ConversationRow>(
    "SELECT * FROM conversations WHERE customer_id = ? AND state != 'closed' ORDER BY id DESC LIMIT 1",
  );
  const latestOf = db.prepare<[string], ConversationRow>(
    'SELECT * FROM conversations WHERE customer_id = ? ORDER BY id DESC LIMIT 1',
  );
  const reassign = db.prepare('UPDATE conversations SET customer_id = ? WHERE customer_id = ?');
  const reassignInteractions = db.prepare('UPDATE interactions SET customer_id = ? WHERE customer_id = ?');

  const load = (id: string): Conversation => {
    const row = byId.get(id);
    if (!row) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id });
    return fromRow(row);
  };
  const save = (next: Conversation, expected: number): void => {
    const result = cas.run({ ...toConversationRow(next, cipher), expected });
    // Only another process can get here (this connection runs transactions one at a time).
    if (result.changes !== 1) throw new ParleyError('ERR_STORE_CONFLICT', { id: next.id });
  };

  return {
    async create(input) {
      const now = Date.now();
      const conv = buildConversation(storeId(now), input, new Date(now).toISOString());
      await tx.durable(() => insert.run(toConversationRow(conv, cipher)));
      return conv;
    },
    async get(id) {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
    async findOpen(customerId) {
      const row = openOf.get(customerId);
      return row ? fromRow(row) : null;
    },
    async findLatest(customerId) {
      const row = latestOf.get(customerId);
      return row ? fromRow(row) : null;
    },
    async list(query: ConversationListQuery = {}) {
      const limit = clampLimit(query.limit);
      const after = decodeCursor(query.cursor);
      const where: string[] = [];
      const args: unknown[] = [];
      if (query.customerId !== undefined) {
        where.push('customer_id = ?');
        args.push(query.customerId);
      }
      if (query.states && query.states.length > 0) {
        where.push(`state IN (${query.states.map(() => '?').join(', ')})`);
        args.push(...query.states);
      }
      if (after !== null) {
        where.push('id < ?');
        args.push(after);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const rows = sql(`SELECT * FROM conversations ${clause} ORDER BY id DESC LIMIT ?`).all(...args, limit + 1);
      return toPage(rows as ConversationRow[], limit, fromRow);
    },
    async update(id, patch) {
      // Summary and policy counters, rewritten every turn: relaxed durability (see loop-transaction.ts).
      return tx.relaxed(db.transaction(() => {
        const current = load(id);
        const { dialogue, ...rest } = { ...current, ...definedOnly(patch) };
        const next: Conversation = { ...rest, ...withDialogue(dialogue), updatedAt: new Date().toISOString(), version: current.version + 1 };
        save(next, current.version);
        return next;
      }));
    },
    async transition(id, input) {
      return tx.durable(db.transaction(() => {
        const current = load(id);
        const conversation = applyTransition(current, input);
        save(conversation, current.version);
        const event = buildEvent(storeId(), current, conversation, input);
        insertEvent.run({
          id: event.id,
          conversation_id: id,
          event: event.event,
          from_state: event.from,
          to_state: event.to,
          actor: JSON.stringify(event.actor),
          reason: event.reason ?? null,
          at: event.at,
        });
        return { conversation, event };
      }));
    },
    async setCsat(id, csat) {
      return tx.durable(db.transaction(() => {
        const current = load(id);
        if (current.state !== 'closed') throw new ParleyError('ERR_CONVERSATION_NOT_CLOSED', { id });
        if (current.csat !== null) throw new ParleyError('ERR_CSAT_ALREADY_GIVEN', { id });
        const next: Conversation = { ...current, csat, updatedAt: new Date().toISOString(), version: current.version + 1 };
        save(next, current.version);
        return next;
      }));
    },
    async listEvents(conversationId) {
      return events.all(conversationId).map(toEvent);
    },
    async reassignCustomer(fromCustomerId, toCustomerId) {
      return tx.durable(db.transaction(() => {
        // Interactions follow their conversations so analytics and GDPR erase see one customer.
        reassignInteractions.run(toCustomerId, fromCustomerId);
        return reassign.run(toCustomerId, fromCustomerId).changes;
      }));
    },
    ...createMessageRows(db, cipher),
    async eraseCustomer(customerId) {
      await eraseCustomerData(db, customerId, ['conversations']);
    },
  };
}
