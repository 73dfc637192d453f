/** TEST-ONLY: the shipped demo bot — real nlu/ (trained on demoIntents) and knowledge/ (demoFaqs, lexical mode). */
import { join } from 'node:path';
import { faqInputSchema } from '../../core/index.js';
import { createKnowledgeService, demoFaqs } from '../../knowledge/index.js';
import { createNluService, demoIntents } from '../../nlu/index.js';
import type { UnderstandingFactory } from './harness.js';

export const demoUnderstanding: UnderstandingFactory = async (stores, dir) => {
  for (const intent of demoIntents) await stores.intents.putIntent(intent);
  // Seeded in the store before the service starts (as on first boot): it indexes and calibrates once,
  // so scores do not shift mid-test when a post-edit recalibration settles.
  for (const faq of demoFaqs) await stores.knowledge.create(faqInputSchema.parse(faq));
  // No model directory: knowledge runs in its explicit lexical mode, as on a machine without weights.
  const knowledge = await createKnowledgeService({ store: stores.knowledge, dataDir: dir, modelsDir: join(dir, 'models'), embeddingModel: 'Xenova/all-MiniLM-L6-v2' });
  await knowledge.ready();
  const nlu = await createNluService({ intents: stores.intents, models: stores.nluModels, trainer: 'in-process' });
  const trained = await nlu.train();
  if (!trained.activated) throw new Error(`demo NLU model not activated: ${trained.reason ?? 'unknown'}`);
  return { nlu, knowledge, close: () => knowledge.close() };
};
