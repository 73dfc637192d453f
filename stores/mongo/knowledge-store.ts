import { ParleyError, type FaqEntry, type KnowledgeStore } from '../../core/index.js';
import { buildFaqEntry } from '../shared/content-fields.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { isDuplicateKey, op, withId } from './connection.js';
import { definedOnly } from '../shared/patch.js';
import type { AdminModels, FaqDoc } from './admin-models.js';

const REVISION = 'faq_revision';
const toFaq = (d: FaqDoc): FaqEntry => withId(d);

export function createKnowledgeStore(m: AdminModels): KnowledgeStore {
  // Bumped after each successful write: a reader that saw the new revision also sees the write.
  const bump = () => m.counters.updateOne({ _id: REVISION }, { $inc: { value: 1 } }, { upsert: true });

  return {
    async create(input) {
      const entry = buildFaqEntry(input);
      const { id, ...fields } = entry;
      try {
        await m.faqs.create({ _id: id, ...fields });
      } catch (err) {
        if (isDuplicateKey(err)) throw new ParleyError('ERR_FAQ_DUPLICATE', { id });
        throw err;
      }
      await bump();
      return entry;
    },
    async get(id) {
      const d = await m.faqs.findOne({ _id: id }).lean<FaqDoc>();
      return d ? toFaq(d) : null;
    },
    async update(id, patch) {
      const set = definedOnly(patch);
      const d = await m.faqs
        .findOneAndUpdate({ _id: id }, { $set: { ...set, updatedAt: new Date().toISOString() } }, { returnDocument: 'after' })
        .lean<FaqDoc>();
      if (!d) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
      await bump();
      return toFaq(d);
    },
    async delete(id) {
      const result = await m.faqs.deleteOne({ _id: id });
      if (result.deletedCount === 0) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
      await bump();
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
      const d = await m.counters.findOne({ _id: REVISION }).lean<{ value: number }>();
      return d?.value ?? 0;
    },
  };
}
