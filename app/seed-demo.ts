import type { FaqInput, Intent, Stores } from '../core/index.js';
import { demoIntents, demoIntentsZh } from '../nlu/index.js';
import { demoFaqs, demoFaqsZh } from '../knowledge/index.js';
import type { Logger } from './logger.js';

interface SeedDeps {
  stores: Stores;
  knowledge: { create(input: FaqInput): Promise<unknown> };
  nlu: { status(): { modelVersion: string | null }; train(): Promise<unknown> };
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
export async function trainFirstModel({ stores, nlu, logger }: Pick<SeedDeps, 'stores' | 'nlu' | 'logger'>): Promise<void> {
  if (nlu.status().modelVersion || (await stores.intents.listIntents()).length === 0) return;
  const started = Date.now();
  try {
    await nlu.train();
    logger.info({ ms: Date.now() - started }, 'trained the first NLU model');
  } catch (err) {
    logger.error({ err }, 'first NLU training failed: intents are unavailable until an admin retrains');
  }
}
