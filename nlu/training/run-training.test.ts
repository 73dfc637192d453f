import { describe, expect, it } from '@jest/globals';
import { demoIntents } from '../demo/demo-intents.js';
import { NluModel } from '../model/nlu-model.js';
import { conceptEmbedder, conceptIntents, testConcepts } from '../testing/concept-embedder.js';
import { runTraining } from './run-training.js';

describe('runTraining in a worker thread', () => {
  it('trains off the main thread, reports progress up to 1 and returns a loadable model', async () => {
    const progress: number[] = [];
    const out = await runTraining({ intents: demoIntents.slice(0, 5), entities: [] }, (p) => progress.push(p), 'worker');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    const model = await NluModel.load(out.data);
    expect((await model.analyze('talk to a human please')).intent?.name).toBe('human');
  });

  it('asks the host for sentence vectors when a semantic model is named, and the model carries the member', async () => {
    const embedder = conceptEmbedder(testConcepts, 'test/concepts');
    const out = await runTraining({ intents: conceptIntents, entities: [], semanticModel: 'test/concepts' }, () => undefined, 'worker', (t) => embedder.embed(t));
    expect(embedder.calls).toBeGreaterThan(0);
    const model = await NluModel.load(out.data, embedder);
    expect(model.semantic).toEqual({ state: 'active', model: 'test/concepts' });
    expect((await model.analyze('terminate the contract')).intent?.name).toBe('cancel_subscription');
    expect(out.metrics.semanticWeight).toBeGreaterThan(0);
  });

  it('rejects when the worker cannot train', async () => {
    await expect(runTraining({ intents: [], entities: [] }, () => undefined, 'worker')).rejects.toThrow(/no intent/);
  });
});
