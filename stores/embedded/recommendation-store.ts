import { customerRecommendationsSchema, type RecommendationStore } from '../../core/index.js';
import { loopTransaction } from './loop-transaction.js';
import type { Db } from './open-database.js';

export function createRecommendationStore(db: Db): RecommendationStore {
  const tx = loopTransaction(db);
  const putRow = db.prepare('INSERT OR REPLACE INTO crm_recommendations (customer_id, run_id, doc) VALUES (?, ?, ?)');
  const getRow = db.prepare<[string], { doc: string }>('SELECT doc FROM crm_recommendations WHERE customer_id = ?');
  const dropOthers = db.prepare('DELETE FROM crm_recommendations WHERE run_id <> ?');
  const eraseRow = db.prepare('DELETE FROM crm_recommendations WHERE customer_id = ?');
  return {
    async put(rows) {
      const docs = rows.map((r) => customerRecommendationsSchema.parse(r));
      // Derived data that the next run rebuilds: relaxed durability, one transaction per batch.
      tx.relaxed(db.transaction(() => docs.forEach((d) => putRow.run(d.customerId, d.runId, JSON.stringify(d)))));
    },
    async get(customerId) {
      const row = getRow.get(customerId);
      return row ? customerRecommendationsSchema.parse(JSON.parse(row.doc)) : null;
    },
    async retainRun(runId) {
      let removed = 0;
      // Relaxed like the rows themselves: a durable commit here would fsync the whole run's writes on this thread.
      tx.relaxed(db.transaction(() => void (removed = dropOthers.run(runId).changes)));
      return removed;
    },
    async eraseCustomer(customerId) {
      await tx.durable(db.transaction(() => void eraseRow.run(customerId)));
    },
  };
}
