import { describe, expect, it } from '@jest/globals';
import { isParleyError } from '../../core/index.js';
import { demoIntents } from '../demo/demo-intents.js';
import { conceptEmbedder, conceptIntents, testConcepts } from '../testing/concept-embedder.js';
import { NluModel } from './nlu-model.js';
import { trainNluModel } from './train-model.js';

const probes = [
  'where is my order #A12345',
  'I forgot my password again',
  'are you open on sunday?',
  'I want to talk to a real person',
  'what is the airspeed of a swallow',
  'refund me now, this is the third time!!',
  '',
];

describe('NluModel persistence', () => {
  it('a model loaded from its JSON gives identical analyses', async () => {
    const out = await trainNluModel({
      intents: demoIntents,
      entities: [{ name: 'plan', type: 'enum', options: [{ value: 'pro', synonyms: ['professional plan'] }] }],
    });
    const first = await NluModel.load(out.data);
    const second = await NluModel.load(first.serialize());
    expect(second.serialize()).toBe(out.data);
    for (const text of probes) {
      const a = await first.analyze(text);
      const b = await second.analyze(text);
      expect(b).toEqual(a);
      const pa = await first.classifier.probabilities(text);
      const pb = await second.classifier.probabilities(text);
      expect([...pb]).toEqual([...pa]);
    }
    const analysis = await first.analyze('where is my order #A12345 on the professional plan');
    expect(analysis.intent?.name).toBe('order_status');
    expect(analysis.entities.map((e) => e.entity)).toEqual(expect.arrayContaining(['order_id', 'plan']));
    expect(analysis.modelVersion).toBe(out.version);
  });

  it('a model saved before the in-scope confidence rule keeps deciding on the raw top probability', async () => {
    const out = await trainNluModel({ intents: demoIntents, entities: [] });
    const current = await NluModel.load(out.data);
    expect(current.classifier.confidenceRule).toBe('in-scope-share');
    const saved = JSON.parse(out.data) as { classifier: Record<string, unknown> };
    delete saved.classifier.confidenceRule;
    const older = await NluModel.load(JSON.stringify(saved));
    expect(older.classifier.confidenceRule).toBe('raw');
    // Same probabilities; only the confidence the threshold reads differs.
    for (const text of probes) expect([...(await older.classifier.probabilities(text))]).toEqual([...(await current.classifier.probabilities(text))]);
  });

  it('rejects a damaged model with ERR_MODEL_LOAD', async () => {
    for (const data of ['not json', '{"format":"other"}', JSON.stringify({ format: 'parley-nlu/1', classifier: null })]) {
      const err = await NluModel.load(data).catch((e: unknown) => e);
      expect(isParleyError(err) && err.code).toBe('ERR_MODEL_LOAD');
    }
  });

  it('a model with a semantic member says whether this node can use it, and decides lexically when it cannot', async () => {
    const embedder = conceptEmbedder(testConcepts, 'test/concepts');
    const out = await trainNluModel({ intents: conceptIntents, entities: [] }, () => undefined, { model: 'test/concepts', embed: (t) => embedder.embed(t) });
    const active = await NluModel.load(out.data, embedder);
    expect(active.semantic).toEqual({ state: 'active', model: 'test/concepts' });
    const without = await NluModel.load(out.data);
    expect(without.semantic).toMatchObject({ state: 'unavailable', model: 'test/concepts', reason: expect.stringMatching(/no embedding model/) });
    const other = await NluModel.load(out.data, conceptEmbedder(testConcepts, 'other/model'));
    expect(other.semantic).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/other\/model/) });
    const text = 'terminate the contract';
    expect((await active.analyze(text)).intent?.name).toBe('cancel_subscription');
    // No vector: the lexical members and their own threshold decide, exactly as the classifier does without one.
    expect(await without.predict(text)).toEqual(await active.classifier.predict(text, null));
    const plain = await NluModel.load((await trainNluModel({ intents: conceptIntents, entities: [] })).data, embedder);
    expect(plain.semantic).toEqual({ state: 'none' });
  });
});
