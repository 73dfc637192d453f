import type { Interaction, InteractionLog, InteractionQuery } from '../../core/index.js';
import { storeId, timeIdBound, toMs } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { op } from './connection.js';
import { fromData, toData } from './data-keys.js';
import type { CrmModels, InteractionDoc } from './crm-models.js';
import { eraseCustomerData } from './erase.js';

type Filter = Omit<InteractionQuery, 'cursor' | 'limit'>;

function filterOf(q: Filter, cursor?: { $lt: string } | { $gt: string }): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (q.customerId !== undefined) f.customerId = q.customerId;
  if (q.conversationId !== undefined) f.conversationId = q.conversationId;
  if (q.decisions && q.decisions.length > 0) f.decision = op({ $in: [...q.decisions] });
  // Ids start with createdAt, so a date window is an _id range (walks the index in order).
  const range: Record<string, string> = {};
  if (q.from !== undefined) range.$gte = timeIdBound(toMs(q.from));
  if (q.to !== undefined) range.$lt = timeIdBound(toMs(q.to));
  const conditions = [range, ...(cursor ? [cursor] : [])].filter((c) => Object.keys(c).length > 0);
  if (conditions.length === 1) f._id = op(conditions[0] ?? {});
  if (conditions.length === 2) f.$and = conditions.map((c) => ({ _id: op(c) }));
  return f;
}

function toInteraction(d: InteractionDoc): Interaction {
  const { _id, createdMs: _ms, ...rest } = d;
  return { id: _id, ...fromData(rest) };
}

export function createInteractionLog(m: CrmModels): InteractionLog {
  return {
    async record(input) {
      const createdMs = toMs(input.createdAt);
      // The id carries the interaction's own time, so backdated imports still sort by createdAt.
      const interaction: Interaction = { id: storeId(createdMs), ...input };
      const { id, ...fields } = interaction;
      // Entities and intents carry customer text: stored with $ and dots escaped (data-keys.ts).
      await m.interactions.create({ _id: id, ...toData(fields), createdMs });
      return interaction;
    },
    async list(query = {}) {
      const limit = clampLimit(query.limit);
      const after = decodeCursor(query.cursor);
      const docs = await m.interactions
        .find(filterOf(query, after === null ? undefined : { $lt: after }))
        .sort({ _id: -1 })
        .limit(limit + 1)
        .lean<InteractionDoc[]>();
      return toPage(docs.map(toInteraction), limit, (x) => x);
    },
    async *scan(query, batchSize = 500) {
      const size = Math.max(1, Math.min(5000, Math.floor(batchSize)));
      let last: string | null = null;
      for (;;) {
        const docs: InteractionDoc[] = await m.interactions
          .find(filterOf(query, last === null ? undefined : { $gt: last }))
          .sort({ _id: 1 })
          .limit(size)
          .lean<InteractionDoc[]>();
        if (docs.length === 0) return;
        last = docs[docs.length - 1]?._id ?? null;
        yield docs.map(toInteraction);
        if (docs.length < size) return;
      }
    },
    count: (query = {}) => m.interactions.countDocuments(filterOf(query)),
    async eraseCustomer(customerId) {
      await eraseCustomerData(m, customerId, ['interactions']);
    },
  };
}
