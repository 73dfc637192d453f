import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Connection } from 'mongoose';
import { buildStores, mongoModels } from './build-stores.js';
import { openConnection } from './connection.js';
import { migrate } from './migrations.js';
import { HOT_QUERIES, recordQueries, type RecordedQuery } from './testing/hot-queries.js';
import { cipher, dropDb, freshDbName, skipReason, uri, withServer } from './testing/mongo-env.js';

if (skipReason) console.log(skipReason);

/** Every stage name of a winning plan, depth first. */
function stages(plan: unknown): string[] {
  if (!plan || typeof plan !== 'object') return [];
  const p = plan as { stage?: string; inputStage?: unknown; inputStages?: unknown[]; queryPlan?: unknown };
  return [...(p.stage ? [p.stage] : []), ...stages(p.inputStage), ...(p.inputStages ?? []).flatMap(stages), ...stages(p.queryPlan)];
}

withServer('hot queries on a real server use an index (explain)', () => {
  const dbName = freshDbName('explain');
  let conn: Connection;
  let seen: RecordedQuery[];
  let stores: ReturnType<typeof buildStores>;
  beforeAll(async () => {
    conn = await openConnection(uri, dbName, 1);
    seen = recordQueries(conn);
    const models = mongoModels(conn);
    await migrate(models, () => undefined);
    stores = buildStores(models, cipher);
    // A little data, so the planner has real collections to choose plans over.
    const customer = await stores.customers.create({ visitorToken: 'tok-123456', externalId: 'ext-1' });
    const conv = await stores.conversations.create({ customerId: customer.id, channel: 'widget' });
    for (let i = 0; i < 30; i++) {
      await stores.conversations.appendMessage({ conversationId: conv.id, author: 'customer', text: `m${i}`, idempotency: { senderKey: 'customer:c1', clientMessageId: `k${i}` } });
    }
  });
  afterAll(async () => {
    await conn.close();
    await dropDb(dbName);
  });

  it.each(HOT_QUERIES.map((q) => [q.name, q] as const))('%s', async (_name, hot) => {
    seen.length = 0;
    await hot.run(stores).catch(() => undefined);
    expect(seen.length).toBeGreaterThan(0);
    for (const q of seen) {
      const cursor = conn.collection(q.collection).find(q.filter);
      if (q.sort) cursor.sort(q.sort);
      const plan = (await cursor.explain('queryPlanner')) as { queryPlanner?: { winningPlan?: unknown } };
      const used = stages(plan.queryPlanner?.winningPlan);
      const verdict = used.some((s) => /IXSCAN|IDHACK|EXPRESS/.test(s)) && !used.includes('COLLSCAN') ? 'index' : `${q.collection} ${JSON.stringify(q.filter)}: ${used.join(' < ')}`;
      expect(verdict).toBe('index');
    }
  });
});
