import { crmRunSummarySchema, customerInsightsSchema, newId, type CrmInsightStore } from '../../core/index.js';
import { notOpen, parseInsights, parseRunSummary, summaryWithout } from '../shared/crm-insights.js';
import { clampLimit, decodeCursor, encodeCursor } from '../shared/page.js';
import { op } from './connection.js';
import type { CrmRunDoc, InsightModels } from './insight-models.js';

/**
 * Generations without multi-document transactions: a run's rows carry its id and stay invisible
 * until the single pointer document names it. Old rows are removed after the swap, so a crash
 * in between leaves only garbage that the next `begin` or `commit` clears.
 */
export function createCrmInsightStore(m: InsightModels): CrmInsightStore {
  const currentId = async (): Promise<string | null> => (await m.pointer.findById('current').lean())?.runId ?? null;
  const requireBuilding = async (runId: string): Promise<void> => {
    if (!(await m.runs.exists({ _id: runId, state: 'building' }))) throw notOpen(runId);
  };
  const dropRuns = async (ids: string[]): Promise<void> => {
    if (ids.length === 0) return;
    await m.insights.deleteMany({ runId: op({ $in: ids }) });
    await m.runs.deleteMany({ _id: op({ $in: ids }) });
  };
  const staleRuns = async (keep: string | null): Promise<string[]> =>
    (await m.runs.find(keep ? { _id: op({ $ne: keep }) } : {}, { _id: 1 }).lean<{ _id: string }[]>()).map((d) => d._id);

  return {
    async begin(asOf) {
      await dropRuns(await staleRuns(await currentId()));
      const id = newId();
      await m.runs.create({ _id: id, asOf, createdAt: new Date().toISOString(), state: 'building', summary: null });
      return id;
    },
    async put(runId, items) {
      const rows = items.map((i) => customerInsightsSchema.parse(i));
      await requireBuilding(runId);
      if (rows.length === 0) return;
      await m.insights.bulkWrite(
        rows.map((r) => ({
          replaceOne: {
            filter: { _id: `${runId}:${r.customerId}` },
            replacement: { _id: `${runId}:${r.customerId}`, runId, customerId: r.customerId, doc: JSON.stringify(r) },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    },
    async commit(runId, summary) {
      const s = crmRunSummarySchema.parse(summary);
      const run = await m.runs.findOneAndUpdate(
        { _id: runId, state: 'building' },
        { $set: { state: 'ready', summary: JSON.stringify(s) } },
        { new: true },
      ).lean<CrmRunDoc>();
      if (!run) throw notOpen(runId);
      await m.pointer.updateOne({ _id: 'current' }, { $set: { runId } }, { upsert: true });
      await dropRuns(await staleRuns(runId));
    },
    async get(customerId) {
      const run = await currentId();
      const row = run ? await m.insights.findOne({ runId: run, customerId }).lean() : null;
      return row ? parseInsights(row.doc) : null;
    },
    async list(req = {}) {
      const limit = clampLimit(req.limit);
      const run = await currentId();
      if (!run) return { items: [], nextCursor: null };
      const after = decodeCursor(req.cursor);
      const rows = await m.insights
        .find(after ? { runId: run, customerId: op({ $gt: after }) } : { runId: run })
        .sort({ customerId: 1 })
        .limit(limit + 1)
        .lean();
      const more = rows.length > limit;
      const kept = more ? rows.slice(0, limit) : rows;
      const last = kept[kept.length - 1];
      return { items: kept.map((r) => parseInsights(r.doc)), nextCursor: more && last ? encodeCursor(last.customerId) : null };
    },
    async summary() {
      const run = await currentId();
      const doc = run ? await m.runs.findById(run).lean<CrmRunDoc>() : null;
      return doc?.summary ? parseRunSummary(doc.summary) : null;
    },
    async eraseCustomer(customerId) {
      await m.insights.deleteMany({ customerId });
      const run = await currentId();
      const doc = run ? await m.runs.findById(run).lean<CrmRunDoc>() : null;
      if (doc?.summary) await m.runs.updateOne({ _id: doc._id }, { $set: { summary: JSON.stringify(summaryWithout(parseRunSummary(doc.summary), customerId)) } });
    },
  };
}
