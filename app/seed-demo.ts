import type { FaqInput, Intent, Stores } from '../core/index.js';
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
