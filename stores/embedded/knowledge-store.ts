import { ParleyError, type FaqEntry, type KnowledgeStore } from '../../core/index.js';
import { buildFaqEntry } from '../shared/content-fields.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { definedOnly } from '../shared/patch.js';
import { isUniqueViolation, type Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';

interface FaqRow {
  id: string;
  question: string;
  answer: string;
  alternates: string;
  tags: string;
  created_at: string;
  updated_at: string;
}

const toFaq = (r: FaqRow): FaqEntry => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  alternates: JSON.parse(r.alternates) as string[],
  tags: JSON.parse(r.tags) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createKnowledgeStore(db: Db): KnowledgeStore {
  const tx = loopTransaction(db);
  const byId = db.prepare<[string], FaqRow>('SELECT * FROM faqs WHERE id = ?');
  const insert = db.prepare(`INSERT INTO faqs (id, question, answer, alternates, tags, created_at, updated_at)
    VALUES (@id, @question, @answer, @alternates, @tags, @createdAt, @updatedAt)`);
  const write = db.prepare(`UPDATE faqs SET question = @question, answer = @answer, alternates = @alternates,
    tags = @tags, updated_at = @updatedAt WHERE id = @id`);
  const remove = db.prepare('DELETE FROM faqs WHERE id = ?');
  const first = db.prepare<[number], FaqRow>('SELECT * FROM faqs ORDER BY id ASC LIMIT ?');
  const after = db.prepare<[string, number], FaqRow>('SELECT * FROM faqs WHERE id > ? ORDER BY id ASC LIMIT ?');
  const all = db.prepare<[], FaqRow>('SELECT * FROM faqs ORDER BY id ASC');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM faqs');
  const bump = db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'faq_revision'");
  const revision = db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'faq_revision'");

  const row = (e: FaqEntry) => ({ ...e, alternates: JSON.stringify(e.alternates), tags: JSON.stringify(e.tags) });
  const load = (id: string): FaqEntry => {
    const r = byId.get(id);
    if (!r) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
    return toFaq(r);
  };

  return {
    async create(input) {
      const entry = buildFaqEntry(input);
      try {
        await tx.durable(db.transaction(() => {
          insert.run(row(entry));
          bump.run();
        }));
      } catch (err) {
        if (isUniqueViolation(err)) throw new ParleyError('ERR_FAQ_DUPLICATE', { id: entry.id });
        throw err;
      }
      return entry;
    },
    async get(id) {
      const r = byId.get(id);
      return r ? toFaq(r) : null;
    },
    async update(id, patch) {
      return tx.durable(db.transaction(() => {
        const next: FaqEntry = { ...load(id), ...definedOnly(patch), updatedAt: new Date().toISOString() };
        write.run(row(next));
        bump.run();
        return next;
      }));
    },
    async delete(id) {
      await tx.durable(db.transaction(() => {
        if (remove.run(id).changes === 0) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
        bump.run();
      }));
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const cursor = decodeCursor(page.cursor);
      const rows = cursor === null ? first.all(limit + 1) : after.all(cursor, limit + 1);
      return toPage(rows, limit, toFaq);
    },
    async all() {
      return all.all().map(toFaq);
    },
    async count() {
      return count.get()?.n ?? 0;
    },
    async revision() {
      return revision.get()?.value ?? 0;
    },
  };
}
