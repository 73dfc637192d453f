import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createFieldCipher, type KeyValueStore, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { createAnalytics } from '../index.js';
import { addTurns } from '../testing/store-fixtures.js';
import { typedRecord } from './typed-record.js';

function memoryKv(): KeyValueStore {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(ns: string, key: string) => (m.get(`${ns}/${key}`) ?? null) as T | null,
    put: async (ns, key, value) => void m.set(`${ns}/${key}`, value),
    delete: async (ns, key) => void m.delete(`${ns}/${key}`),
    keys: async (ns) => [...m.keys()].filter((k) => k.startsWith(`${ns}/`)).map((k) => k.slice(ns.length + 1)),
  };
}
const recorder = () => {
  const warnings: { obj: object; msg?: string }[] = [];
  return { warnings, log: { warn: (obj: object, msg?: string) => void warnings.push({ obj, msg }), info() {}, error() {} } };
};

describe('typedRecord', () => {
  const schema = z.object({ ids: z.array(z.string()) });

  it('returns valid records, null for missing ones, and reports a corrupt one as missing', async () => {
    const kv = memoryKv();
    const { warnings, log } = recorder();
    const rec = typedRecord(kv, 'ns', 'k', schema, log);
    expect(await rec.get()).toBeNull();
    await rec.put({ ids: ['a'] });
    expect(await rec.get()).toEqual({ ids: ['a'] });
    expect(warnings).toEqual([]);
    await kv.put('ns', 'k', { ids: 'not-a-list' });
    expect(await rec.get()).toBeNull();
    expect(warnings).toEqual([{ obj: { namespace: 'ns', key: 'k', issues: [expect.stringContaining('ids')] }, msg: expect.stringContaining('corrupt') }]);
  });
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analytics-corrupt-'));
let stores: Stores | undefined;
afterAll(async () => {
  await stores?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('analytics with corrupt KV records', () => {
  it('answers with the record treated as missing, logs it, and the next run rebuilds it', async () => {
    stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('c'.repeat(40)) });
    const { warnings, log } = recorder();
    const analytics = createAnalytics({ stores, logger: log });
    const c = await stores.customers.create({ name: 'Cora' });
    const conv = await stores.conversations.create({ customerId: c.id, channel: 'widget' });
    await addTurns(stores, c.id, conv.id, [{ decision: 'fallback', at: Date.now() - 3_600_000 }]);
    await analytics.run({ full: true });
    expect((await analytics.customerInsights(c.id)).churnRisk.reason).not.toMatch(/No analysed conversations/);

    // Damage the customer's state shard, the job state and the model summary the way a bad edit or old version would.
    const shardKeys = await stores.kv.keys('analytics.customers');
    expect(shardKeys.length).toBeGreaterThan(0);
    for (const key of shardKeys) await stores.kv.put('analytics.customers', key, { [c.id]: { turns: 'oops' } });
    await stores.kv.put('analytics.meta', 'state', { version: 'x' });
    await stores.kv.put('analytics.models', 'summary', { churn: 42 });

    const insights = await analytics.customerInsights(c.id);
    expect(insights.churnRisk).toEqual({ ready: false, factors: [], reason: 'No analysed conversations for this customer yet' });
    const overview = await analytics.overview();
    expect(overview.churn).toEqual({ ready: false, reason: 'The analytics job has not run yet' });
    const reported = new Set(warnings.map((w) => (w.obj as { namespace: string }).namespace));
    expect([...reported].sort()).toEqual(['analytics.customers', 'analytics.meta', 'analytics.models']);

    // Unreadable job state means "never ran": the run is a full one and rewrites every record.
    warnings.length = 0;
    await analytics.run();
    expect(warnings.map((w) => (w.obj as { namespace: string }).namespace)).toContain('analytics.meta');
    warnings.length = 0;
    expect((await analytics.customerInsights(c.id)).churnRisk.reason).not.toMatch(/No analysed conversations/);
    await analytics.overview();
    expect(warnings).toEqual([]);
  });
});
