import { ParleyError, type FaqEntry, type KnowledgeStore } from '../../core/index.js';
import { buildFaqEntry } from '../shared/content-fields.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { isDuplicateKey, op, withId } from './connection.js';
import { definedOnly } from '../shared/patch.js';
import type { AdminModels, CounterDoc, FaqDoc } from './admin-models.js';
import { noFaults, type FaultHook } from './fault-hook.js';

const REVISION = 'faq_revision';
/** A write begun this long ago and never ended crashed halfway: readers bump for it. */
export const STALE_WRITE_MS = 10_000;
const toFaq = (d: FaqDoc): FaqEntry => withId(d);

/**
 * The revision pointer (one document) tells every node to rebuild its FAQ index. It is
 * bumped after each write, so a reader that saw the new revision also sees the write. A
 * write first marks itself pending: if the process dies between the write and the bump,
 * the next revision() read after STALE_WRITE_MS bumps instead, so no node keeps a stale
 * index for good.
 */
export function createKnowledgeStore(m: AdminModels, fault: FaultHook = noFaults): KnowledgeStore {
  const begin = async () => {
    await m.counters.updateOne({ _id: REVISION }, { $inc: { pending: 1 }, $set: { dirtyAt: new Date().toISOString() }, $setOnInsert: { value: 0 } }, { upsert: true });
    await fault('faq:begun');
  };
  const settle = (bumpBy: 0 | 1) => m.counters.updateOne({ _id: REVISION }, { $inc: { value: bumpBy, pending: -1 } });
  /** A failed write ends without a bump: nothing changed for the readers. */
  const write = async <T>(fn: () => Promise<T>): Promise<T> => {
    await begin();
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      await settle(0);
      throw err;
    }
    await fault('faq:written');
    await settle(1);
    return result;
  };

  return {
    async create(input) {
      const entry = buildFaqEntry(input);
      const { id, ...fields } = entry;
      await write(async () => {
        try {
          await m.faqs.create({ _id: id, ...fields });
        } catch (err) {
          if (isDuplicateKey(err)) throw new ParleyError('ERR_FAQ_DUPLICATE', { id });
          throw err;
        }
      });
      return entry;
    },
    async get(id) {
      const d = await m.faqs.findOne({ _id: id }).lean<FaqDoc>();
      return d ? toFaq(d) : null;
    },
    async update(id, patch) {
      const set = definedOnly(patch);
      const d = await write(async () => {
        const doc = await m.faqs
          .findOneAndUpdate({ _id: id }, { $set: { ...set, updatedAt: new Date().toISOString() } }, { returnDocument: 'after' })
          .lean<FaqDoc>();
        if (!doc) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
        return doc;
      });
      return toFaq(d);
    },
    async delete(id) {
      await write(async () => {
        const result = await m.faqs.deleteOne({ _id: id });
        if (result.deletedCount === 0) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
      });
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeCursor(page.cursor);
      const docs = await m.faqs
        .find(after === null ? {} : { _id: op({ $gt: after }) })
        .sort({ _id: 1 })
        .limit(limit + 1)
        .lean<FaqDoc[]>();
      return toPage(docs.map(toFaq), limit, (x) => x);
    },
    async all() {
      return (await m.faqs.find({}).sort({ _id: 1 }).lean<FaqDoc[]>()).map(toFaq);
    },
    count: () => m.faqs.countDocuments({}),
    async revision() {
      const d = await m.counters.findOne({ _id: REVISION }).lean<CounterDoc>();
      if (!d) return 0;
      const stale = (d.pending ?? 0) > 0 && d.dirtyAt && Date.now() - Date.parse(d.dirtyAt) > STALE_WRITE_MS;
      if (!stale) return d.value;
      const repaired = await m.counters
        .findOneAndUpdate({ _id: REVISION, dirtyAt: d.dirtyAt }, { $set: { pending: 0 }, $inc: { value: 1 } }, { returnDocument: 'after' })
        .lean<CounterDoc>();
      return repaired?.value ?? d.value + 1;
    },
  };
}
