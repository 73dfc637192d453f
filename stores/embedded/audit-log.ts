import type { AuditEvent, AuditLog } from '../../core/index.js';
import { storeId, toMs } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import type { Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';
import { statementCache } from './statement-cache.js';

interface AuditRow {
  id: string;
  doc: string;
}

/** Append-only: there is deliberately no update or delete. */
export function createAuditLog(db: Db): AuditLog {
  const tx = loopTransaction(db);
  const sql = statementCache(db);
  const insert = db.prepare('INSERT INTO audit_events (id, actor_id, action, doc) VALUES (?, ?, ?, ?)');
  return {
    async record(input) {
      const at = input.at ?? new Date().toISOString();
      const event: AuditEvent = { ...input, id: storeId(toMs(at)), at };
      await tx.durable(() => insert.run(event.id, event.actor.id, event.action, JSON.stringify(event)));
      return event;
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const clause: string[] = [];
      const args: unknown[] = [];
      if (page.actorId !== undefined) (clause.push('actor_id = ?'), args.push(page.actorId));
      if (page.action !== undefined) (clause.push('action = ?'), args.push(page.action));
      const cursor = decodeCursor(page.cursor);
      if (cursor !== null) (clause.push('id < ?'), args.push(cursor));
      const where = clause.length ? `WHERE ${clause.join(' AND ')}` : '';
      const rows = sql(`SELECT id, doc FROM audit_events ${where} ORDER BY id DESC LIMIT ?`).all(
        ...args,
        limit + 1,
      ) as AuditRow[];
      return toPage(rows, limit, (r) => JSON.parse(r.doc) as AuditEvent);
    },
  };
}
