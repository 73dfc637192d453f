import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCipher, type ProductRecommendation, type Recommendations, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { createActionRunner } from './action-runner.js';
import type { ActionRequest } from './action-result.js';

let dir: string;
let stores: Stores;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-recs-'));
  stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('test-key-test-key-test-key-test-key!') });
});
afterEach(async () => {
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

/** A small in-test model: a fixed list per customer id, in the port's shape (the CRM builds the real one). */
function listRecommendations(lists: Record<string, ProductRecommendation[]>): Recommendations & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async forCustomer(customerId, query) {
      asked.push(customerId);
      return (lists[customerId] ?? []).slice(0, query?.limit ?? 10);
    },
  };
}
const rec = (productId: string, name?: string): ProductRecommendation => ({ productId, ...(name ? { name } : {}), score: 1, reason: 'bought together' });
const request = (customerId: string, language: 'en' | 'zh' = 'en'): ActionRequest => ({
  intent: 'recommend',
  action: { type: 'builtin', name: 'recommend_products' },
  text: 'what do you recommend?',
  language,
  conversationId: 'c1',
  customerId,
  entities: [],
  slots: {},
});

describe('built-in recommend_products', () => {
  it('names the recommended products, never one the customer just returned', async () => {
    const ann = (await stores.customers.create({ externalId: 'identity:ann', name: 'Ann' })).id;
    await stores.orders.upsert({ orderId: 'R1', customerId: ann, date: '2026-12-01T00:00:00.000Z', status: 'returned', lines: [{ productId: 'MUG', amount: 12 }] });
    await stores.orders.upsert({ orderId: 'R2', customerId: ann, date: '2026-12-03T00:00:00.000Z', status: 'delivered', lines: [{ productId: 'TEA', amount: 8 }, { productId: 'POT', amount: -30 }] });
    const recs = listRecommendations({ [ann]: [rec('MUG', 'Blue mug'), rec('POT', 'Teapot'), rec('TOWEL', 'Tea towel'), rec('X'), rec('SPOON', 'Silver spoon'), rec('CUP', 'Cup')] });
    const runner = createActionRunner({ stores, recommendations: recs, logger: { warn() {} } });
    expect(await runner.run(request(ann))).toEqual({ kind: 'answer', text: 'You might like: Tea towel, Silver spoon, Cup.' });
    expect(await runner.run(request(ann, 'zh'))).toEqual({ kind: 'answer', text: '您可能会喜欢：Tea towel、Silver spoon、Cup。' });
    runner.close();
  });

  it('says so when there is nothing to suggest, and falls back when no model is wired', async () => {
    const bob = (await stores.customers.create({ externalId: 'identity:bob' })).id;
    const runner = createActionRunner({ stores, recommendations: listRecommendations({}), logger: { warn() {} } });
    expect(await runner.run(request(bob))).toMatchObject({ kind: 'answer', text: expect.stringContaining("don't have a suggestion") });
    const unwired = createActionRunner({ stores, logger: { warn() {} } });
    expect(await unwired.run(request(bob))).toEqual({ kind: 'failed', reason: 'error' });
    runner.close();
    unwired.close();
  });

  it("asks for a webhook user's shop customer (their orders live there)", async () => {
    const shop = (await stores.customers.create({ externalId: 'identity:u9' })).id;
    const hook = (await stores.customers.create({ externalId: 'webhook:u9' })).id;
    const recs = listRecommendations({ [shop]: [rec('TOWEL', 'Tea towel')] });
    const runner = createActionRunner({ stores, recommendations: recs, logger: { warn() {} } });
    expect(await runner.run(request(hook))).toEqual({ kind: 'answer', text: 'You might like: Tea towel.' });
    expect(recs.asked).toEqual([shop]);
    runner.close();
  });
});
