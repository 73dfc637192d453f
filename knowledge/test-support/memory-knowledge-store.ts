import { newId, ParleyError, type FaqEntry, type FaqPatch, type KnowledgeStore, type NewFaqEntry, type Page, type PageRequest } from '../../core/index.js';

/**
 * TEST SUPPORT ONLY. A Map-backed KnowledgeStore honouring the port's
 * contract (ERR_FAQ_DUPLICATE, ERR_FAQ_NOT_FOUND, revision counter), so
 * knowledge/ tests need no import from stores/. The real adapters are covered
 * by the stores contract suite.
 */
export class MemoryKnowledgeStore implements KnowledgeStore {
  private rows = new Map<string, FaqEntry>();
  private rev = 0;

  async create(input: NewFaqEntry): Promise<FaqEntry> {
    const id = input.id ?? newId();
    if (this.rows.has(id)) throw new ParleyError('ERR_FAQ_DUPLICATE', { id });
    const now = new Date().toISOString();
    const entry: FaqEntry = { id, question: input.question, answer: input.answer, alternates: [...input.alternates], tags: [...input.tags], createdAt: now, updatedAt: now };
    this.rows.set(id, entry);
    this.rev++;
    return { ...entry };
  }

  async get(id: string): Promise<FaqEntry | null> {
    const e = this.rows.get(id);
    return e ? { ...e } : null;
  }

  async update(id: string, patch: FaqPatch): Promise<FaqEntry> {
    const e = this.rows.get(id);
    if (!e) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
    const next = { ...e, ...patch, updatedAt: new Date().toISOString() };
    this.rows.set(id, next);
    this.rev++;
    return { ...next };
  }

  async delete(id: string): Promise<void> {
    if (!this.rows.delete(id)) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id });
    this.rev++;
  }

  async list(page: PageRequest = {}): Promise<Page<FaqEntry>> {
    const limit = Math.min(page.limit ?? 50, 200);
    const all = [...this.rows.values()].sort((a, b) => a.id.localeCompare(b.id)).filter((e) => !page.cursor || e.id > page.cursor);
    const items = all.slice(0, limit);
    return { items, nextCursor: all.length > limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  async all(): Promise<FaqEntry[]> {
    return [...this.rows.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  async count(): Promise<number> {
    return this.rows.size;
  }

  async revision(): Promise<number> {
    return this.rev;
  }
}
