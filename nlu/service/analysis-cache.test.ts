import { describe, expect, it } from '@jest/globals';
import { demoIntents } from '../demo/demo-intents.js';
import { memoryIntentStore, memoryModelStore } from '../testing/memory-stores.js';
import { createNluService } from './nlu-service.js';

describe('analysis cache', () => {
  it('a repeated text is analysed once per live model; a newly activated model answers with its own analysis', async () => {
    const intents = memoryIntentStore(demoIntents);
    const svc = await createNluService({ intents, models: memoryModelStore(), trainer: 'in-process' });
    const v1 = (await svc.train()).version;
    const first = await svc.analyze('where is my order');
    expect(await svc.analyze('where is my order')).toBe(first); // the same object: served from the cache
    expect(first.modelVersion).toBe(v1);
    // Retrain with the text moved to another intent: the cached analysis of v1 must not be served.
    await intents.putIntent({ name: 'where_is_order_exact', utterances: ['where is my order', 'where is my order now', 'where is my order please'] });
    const v2 = await svc.train({ regressionMargin: 1 });
    expect(v2.activated).toBe(true);
    const after = await svc.analyze('where is my order');
    expect(after.modelVersion).toBe(v2.version);
    expect(after).not.toBe(first);
  }, 60_000);
});
