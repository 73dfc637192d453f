import type { FieldCipher, Interaction, InteractionLog, InteractionQuery } from '../../core/index.js';
import { storeId, timeIdBound, toMs } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { eraseCustomerData } from './erase.js';
import { loopTransaction } from './loop-transaction.js';
import type { Db } from './open-database.js';
import { statementCache } from './statement-cache.js';

interface InteractionRow {
  id: string;
  doc: string;
}

type Filter = Omit<InteractionQuery, 'cursor' | 'limit'>;

/** WHERE clause for the filters; ids start with createdAt (see record), so dates filter as id ranges. */
function whereOf(q: Filter): { clause: string[]; args: unknown[] } {
  const clause: string[] = [];
  const args: unknown[] = [];
  if (q.customerId !== undefined) (clause.push('customer_id = ?'), args.push(q.customerId));
  if (q.conversationId !== undefined) (clause.push('conversation_id = ?'), args.push(q.conversationId));
  if (q.from !== undefined) (clause.push('id >= ?'), args.push(timeIdBound(toMs(q.from))));
  if (q.to !== undefined) (clause.push('id < ?'), args.push(timeIdBound(toMs(q.to))));
  if (q.decisions && q.decisions.length > 0) {
    clause.push(`decision IN (${q.decisions.map(() => '?').join(', ')})`);
    args.push(...q.decisions);
  }
  return { clause, args };
}

const sqlWhere = (clause: string[]) => (clause.length ? `WHERE ${clause.join(' AND ')}` : '');

/**
 * The record (the customer's text, entity matches) is sealed at rest as one value: one AES call per row is cheaper
 * than one per field, and the columns analytics filters on (customer, conversation, decision, time) stay plain.
 */
export function createInteractionLog(db: Db, cipher: FieldCipher): InteractionLog {
  const toInteraction = (r: InteractionRow) => JSON.parse(cipher.decrypt(r.doc)) as Interaction;
  const sql = statementCache(db);
  const tx = loopTransaction(db);
  const insert = db.prepare(`INSERT INTO interactions (id, conversation_id, customer_id, message_id, decision,
    created_ms, doc) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  return {
    async record(input) {
      const createdMs = toMs(input.createdAt);
      // The id carries the interaction's own time, so backdated imports still sort by createdAt.
      const interaction: Interaction = { id: storeId(createdMs), ...input };
      // An analysis record of a turn; no client waits on it: relaxed durability (see loop-transaction.ts).
      tx.relaxed(() => insert.run(
        interaction.id,
        input.conversationId,
        input.customerId,
        input.messageId,
        input.decision,
        createdMs,
        cipher.encrypt(JSON.stringify(interaction)),
      ));
      return interaction;
    },
    async list(query = {}) {
      const limit = clampLimit(query.limit);
      const { clause, args } = whereOf(query);
      const after = decodeCursor(query.cursor);
      if (after !== null) (clause.push('id < ?'), args.push(after));
      const rows = sql(`SELECT id, doc FROM interactions ${sqlWhere(clause)} ORDER BY id DESC LIMIT ?`).all(
        ...args,
        limit + 1,
      ) as InteractionRow[];
      return toPage(rows, limit, toInteraction);
    },
    async *scan(query, batchSize = 500) {
      const size = Math.max(1, Math.min(5000, Math.floor(batchSize)));
      let last: string | null = null;
      for (;;) {
        const { clause, args } = whereOf(query);
        if (last !== null) (clause.push('id > ?'), args.push(last));
        const rows = sql(`SELECT id, doc FROM interactions ${sqlWhere(clause)} ORDER BY id ASC LIMIT ?`).all(
          ...args,
          size,
        ) as InteractionRow[];
        if (rows.length === 0) return;
        last = rows[rows.length - 1]?.id ?? null;
        yield rows.map(toInteraction);
        if (rows.length < size) return;
      }
    },
    async count(query = {}) {
      const { clause, args } = whereOf(query);
      const row = sql(`SELECT COUNT(*) AS n FROM interactions ${sqlWhere(clause)}`).get(...args) as { n: number };
      return row.n;
    },
    async eraseCustomer(customerId) {
      await eraseCustomerData(db, customerId, ['interactions']);
    },
  };
}
