import { businessExternalId, type FaqInput, type Intent, type Stores } from '../core/index.js';
import { demoIntents, demoIntentsZh } from '../nlu/index.js';
import { demoFaqs, demoFaqsZh } from '../knowledge/index.js';
import { createJobRegistry, enqueueTraining, type JobRegistry } from '../admin/index.js';
import type { Logger } from './logger.js';

interface SeedDeps {
  stores: Stores;
  knowledge: { create(input: FaqInput): Promise<unknown> };
  nlu: Parameters<typeof enqueueTraining>[1];
  logger: Logger;
}

/**
 * First boot on an empty store: the demo bot and FAQ, so `npm start` answers
 * straight away. Never touches a store that has content.
 */
export async function seedDemoContent({ stores, knowledge, logger, language = 'en' }: Omit<SeedDeps, 'nlu'> & { language?: 'en' | 'zh' }): Promise<void> {
  const intents = language === 'zh' ? demoIntentsZh : demoIntents;
  const faqs = language === 'zh' ? demoFaqsZh : demoFaqs;
  if ((await stores.intents.listIntents()).length === 0) {
    for (const intent of intents as Intent[]) await stores.intents.putIntent(intent);
    logger.info({ intents: intents.length, language }, 'seeded the demo bot intents');
  }
  if ((await stores.knowledge.count()) === 0) {
    for (const faq of faqs) await knowledge.create(faq);
    logger.info({ faqs: faqs.length, language }, 'seeded the demo FAQ');
  }
  await seedDemoOrders(stores, logger);
}

/** The demo shop's signed-in customer (README "Intent actions"): `order_status` answers for this identity. */
export const DEMO_SHOP_CUSTOMER = 'demo-alex';

/** Two orders of the demo identity, so "where is my order A10023" answers from the store. Only into an empty order book. */
async function seedDemoOrders(stores: Stores, logger: Logger): Promise<void> {
  if ((await stores.orders.count()).orders > 0) return;
  const externalId = businessExternalId(DEMO_SHOP_CUSTOMER);
  const customer = (await stores.customers.findByExternalId(externalId)) ?? (await stores.customers.create({ externalId, name: 'Alex Demo' }));
  const day = 86_400_000;
  const now = Date.now();
  await stores.orders.upsertProducts([
    { productId: 'MUG-BLUE', name: 'Blue enamel mug', category: 'kitchen', price: 12 },
    { productId: 'TEA-GREEN', name: 'Sencha green tea', category: 'tea', price: 8.5 },
  ]);
  await stores.orders.upsert({ orderId: 'A10017', customerId: customer.id, externalCustomerId: DEMO_SHOP_CUSTOMER, date: new Date(now - 40 * day).toISOString(), status: 'delivered', lines: [{ productId: 'MUG-BLUE', quantity: 2, amount: 24 }] });
  await stores.orders.upsert({ orderId: 'A10023', customerId: customer.id, externalCustomerId: DEMO_SHOP_CUSTOMER, date: new Date(now - 3 * day).toISOString(), status: 'shipped', trackingUrl: 'https://tracking.example.com/A10023', lines: [{ productId: 'TEA-GREEN', quantity: 3, amount: 25.5 }] });
  logger.info({ customer: DEMO_SHOP_CUSTOMER, orders: 2 }, 'seeded the demo orders');
}

/**
 * Trains the first model when none is live. Runs in the background (a worker
 * thread) so the server listens at once: until it is done, FAQ answers work
 * and intents fall back, which is what a fresh install can honestly do.
 */
export async function trainFirstModel({ stores, nlu, logger, jobs }: Pick<SeedDeps, 'stores' | 'nlu' | 'logger'> & { jobs?: JobRegistry }): Promise<void> {
  if (nlu.status().modelVersion || (await stores.intents.listIntents()).length === 0) return;
  const started = Date.now();
  // A job like any training, so an admin's "Train" meanwhile queues behind it instead of failing.
  const registry = jobs ?? createJobRegistry();
  const job = enqueueTraining(registry, nlu);
  const done = await registry.settled(job.id).catch(() => null); // null: another node is training for everyone
  if (done?.state === 'done') logger.info({ ms: Date.now() - started, jobId: job.id }, 'trained the first NLU model');
  else if (done) logger.error({ reason: done.error, jobId: job.id }, 'first NLU training failed: intents are unavailable until an admin retrains');
}
