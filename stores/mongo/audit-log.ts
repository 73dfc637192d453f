import type { AuditEvent, AuditLog } from '../../core/index.js';
import { storeId, toMs } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { op } from './connection.js';
import { fromData, toData } from './data-keys.js';
import type { AdminModels, AuditDoc } from './admin-models.js';

const toEvent = (d: AuditDoc): AuditEvent => {
  const { _id, actorId: _a, details, ...rest } = d;
  return { id: _id, ...rest, ...(details === undefined ? {} : { details: fromData(details) }) };
};

/** Append-only: there is deliberately no update or delete. */
export function createAuditLog(m: AdminModels): AuditLog {
  return {
    async record(input) {
      const at = input.at ?? new Date().toISOString();
      const event: AuditEvent = { ...input, id: storeId(toMs(at)), at };
      const { id, details, ...fields } = event;
      // details hold request data: stored with $ and dots escaped (data-keys.ts).
      await m.audit.create({ _id: id, ...fields, ...(details === undefined ? {} : { details: toData(details) }), actorId: event.actor.id });
      return event;
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const filter: Record<string, unknown> = {};
      if (page.actorId !== undefined) filter.actorId = page.actorId;
      if (page.action !== undefined) filter.action = page.action;
      const after = decodeCursor(page.cursor);
      if (after !== null) filter._id = op({ $lt: after });
      const docs = await m.audit.find(filter).sort({ _id: -1 }).limit(limit + 1).lean<AuditDoc[]>();
      return toPage(docs.map(toEvent), limit, (x) => x);
    },
  };
}
