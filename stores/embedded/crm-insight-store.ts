import { crmRunSummarySchema, customerInsightsSchema, newId, type CrmInsightStore } from '../../core/index.js';
import { notOpen, parseInsights, parseRunSummary, summaryWithout } from '../shared/crm-insights.js';
import { clampLimit, decodeCursor, encodeCursor } from '../shared/page.js';
import { loopTransaction } from './loop-transaction.js';
import type { Db } from './open-database.js';

export function createCrmInsightStore(db: Db): CrmInsightStore {
  const tx = loopTransaction(db);
  const dropBuilding = db.prepare("DELETE FROM crm_insights WHERE run_id IN (SELECT id FROM crm_runs WHERE state = 'building')");
  const dropBuildingRuns = db.prepare("DELETE FROM crm_runs WHERE state = 'building'");
  const insertRun = db.prepare("INSERT INTO crm_runs (id, as_of, created_at, state) VALUES (?, ?, ?, 'building')");
  const isBuilding = db.prepare<[string], { id: string }>("SELECT id FROM crm_runs WHERE id = ? AND state = 'building'");
  const putRow = db.prepare('INSERT OR REPLACE INTO crm_insights (run_id, customer_id, doc) VALUES (?, ?, ?)');
  const current = db.prepare<[], { id: string; summary: string }>("SELECT id, summary FROM crm_runs WHERE state = 'current'");
  const dropRunRows = db.prepare('DELETE FROM crm_insights WHERE run_id = ?');
  const dropRun = db.prepare('DELETE FROM crm_runs WHERE id = ?');
  const promote = db.prepare("UPDATE crm_runs SET state = 'current', summary = ? WHERE id = ?");
  const setSummary = db.prepare('UPDATE crm_runs SET summary = ? WHERE id = ?');
  const getRow = db.prepare<[string, string], { doc: string }>('SELECT doc FROM crm_insights WHERE run_id = ? AND customer_id = ?');
  const page = db.prepare<[string, string, number], { customer_id: string; doc: string }>(
    'SELECT customer_id, doc FROM crm_insights WHERE run_id = ? AND customer_id > ? ORDER BY customer_id LIMIT ?',
  );
  const eraseRows = db.prepare('DELETE FROM crm_insights WHERE customer_id = ?');

  const requireBuilding = (runId: string): void => {
    if (!isBuilding.get(runId)) throw notOpen(runId);
  };

  return {
    async begin(asOf) {
      const id = newId();
      await tx.durable(
        db.transaction(() => {
          dropBuilding.run();
          dropBuildingRuns.run();
          insertRun.run(id, asOf, new Date().toISOString());
        }),
      );
      return id;
    },
    async put(runId, items) {
      const rows = items.map((i) => customerInsightsSchema.parse(i));
      // Derived data, rebuilt by the next run if lost: relaxed, one transaction for the batch.
      tx.relaxed(
        db.transaction(() => {
          requireBuilding(runId);
          for (const r of rows) putRow.run(runId, r.customerId, JSON.stringify(r));
        }),
      );
    },
    async commit(runId, summary) {
      const s = crmRunSummarySchema.parse(summary);
      await tx.durable(
        db.transaction(() => {
          requireBuilding(runId);
          const prev = current.get();
          if (prev) (dropRunRows.run(prev.id), dropRun.run(prev.id));
          promote.run(JSON.stringify(s), runId);
        }),
      );
    },
    async get(customerId) {
      const run = current.get();
      const row = run && getRow.get(run.id, customerId);
      return row ? parseInsights(row.doc) : null;
    },
    async list(req = {}) {
      const limit = clampLimit(req.limit);
      const run = current.get();
      if (!run) return { items: [], nextCursor: null };
      const rows = page.all(run.id, decodeCursor(req.cursor) ?? '', limit + 1);
      const more = rows.length > limit;
      const kept = more ? rows.slice(0, limit) : rows;
      const last = kept[kept.length - 1];
      return { items: kept.map((r) => parseInsights(r.doc)), nextCursor: more && last ? encodeCursor(last.customer_id) : null };
    },
    async summary() {
      const run = current.get();
      return run?.summary ? parseRunSummary(run.summary) : null;
    },
    async eraseCustomer(customerId) {
      await tx.durable(
        db.transaction(() => {
          eraseRows.run(customerId);
          const run = current.get();
          if (run?.summary) setSummary.run(JSON.stringify(summaryWithout(parseRunSummary(run.summary), customerId)), run.id);
        }),
      );
    },
  };
}
