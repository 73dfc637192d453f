import { describe, expect, it } from '@jest/globals';
import { createInProcessBus } from '../../app/bus/in-process-bus.js';
import { demoIntents } from '../demo/demo-intents.js';
import { memoryIntentStore, memoryModelStore } from '../testing/memory-stores.js';
import { NLU_MODEL_ACTIVATED } from './model-sync.js';
import { createNluService } from './nlu-service.js';

describe('NLU models across nodes (bus)', () => {
  it('a model trained on one node is loaded by the other; malformed messages are dropped with a warning', async () => {
    const bus = createInProcessBus();
    const [intents, models] = [memoryIntentStore(demoIntents), memoryModelStore()];
    const warnings: string[] = [];
    const quiet = { info: () => undefined, warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') };
    const a = await createNluService({ intents, models, bus, trainer: 'in-process', logger: quiet });
    const b = await createNluService({ intents, models, bus, trainer: 'in-process', logger: quiet });
    expect(b.status().modelVersion).toBeNull();
    const trained = await a.train();
    expect(trained.activated).toBe(true);
    while (b.status().modelVersion !== trained.version) await new Promise((r) => setTimeout(r, 5));
    expect((await b.analyze('where is my order')).intent?.name).toBe('order_status');
    await bus.publish(NLU_MODEL_ACTIVATED, { origin: 'x' });
    while (!warnings.some((w) => /malformed nlu.model.activated/.test(w))) await new Promise((r) => setTimeout(r, 5));
    expect(b.status().modelVersion).toBe(trained.version);
  }, 30_000);
});
