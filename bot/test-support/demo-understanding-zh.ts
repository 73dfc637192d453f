/** TEST-ONLY: the Chinese demo bot (DEMO_LANGUAGE=zh) — real nlu/ trained on demoIntentsZh, knowledge/ on demoFaqsZh (lexical). */
import { join } from 'node:path';
import { faqInputSchema } from '../../core/index.js';
import { createKnowledgeService, demoFaqsZh } from '../../knowledge/index.js';
import { createNluService, demoIntentsZh } from '../../nlu/index.js';
import type { UnderstandingFactory } from './harness.js';

export const demoUnderstandingZh: UnderstandingFactory = async (stores, dir) => {
  for (const intent of demoIntentsZh) await stores.intents.putIntent(intent);
  for (const faq of demoFaqsZh) await stores.knowledge.create(faqInputSchema.parse(faq));
  const knowledge = await createKnowledgeService({ store: stores.knowledge, dataDir: dir, modelsDir: join(dir, 'models'), embeddingModel: 'Xenova/all-MiniLM-L6-v2' });
  await knowledge.ready();
  const nlu = await createNluService({ intents: stores.intents, models: stores.nluModels, trainer: 'in-process' });
  const trained = await nlu.train();
  if (!trained.activated) throw new Error(`zh demo NLU model not activated: ${trained.reason ?? 'unknown'}`);
  return { nlu, knowledge, close: () => knowledge.close() };
};
