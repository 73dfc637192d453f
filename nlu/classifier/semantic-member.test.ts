import { describe, expect, it } from '@jest/globals';
import { conceptEmbedder, conceptIntents, testConcepts } from '../testing/concept-embedder.js';
import { IntentClassifier } from './intent-classifier.js';
import { trainClassifier, type Example } from './train-classifier.js';

const train: Example[] = conceptIntents.flatMap((i) => i.utterances.map((text) => ({ text, intent: i.name })));
// Paraphrases that share no content word with their intent's utterances.
const paraphrases = [
  { text: 'terminate the contract', intent: 'cancel_subscription' },
  { text: 'discontinue membership', intent: 'cancel_subscription' },
  { text: 'reimburse me', intent: 'get_refund' },
  { text: 'i expect a reimbursement', intent: 'get_refund' },
  { text: 'closing time?', intent: 'opening_hours' },
];

async function correct(c: IntentClassifier, vectors: (Float32Array | null)[]): Promise<number> {
  let n = 0;
  for (const [i, p] of paraphrases.entries()) if ((await c.predict(p.text, vectors[i] ?? null)).intent?.name === p.intent) n++;
  return n;
}

describe('semantic member (sentence-embedding head)', () => {
  it('is trained and calibrated when an embedder is given, and resolves paraphrases the n-gram members miss', async () => {
    const embedder = conceptEmbedder(testConcepts);
    const { classifier, metrics } = await trainClassifier(train, [], { semantic: { model: 'test/concepts', embed: (t) => embedder.embed(t) } });
    expect(classifier.semantic?.model).toBe('test/concepts');
    expect(metrics.semanticWeight).toBeGreaterThan(0);
    const vectors = await embedder.embed(paraphrases.map((p) => p.text));
    const withVectors = await correct(classifier, vectors);
    const lexicalOnly = await correct(classifier, paraphrases.map(() => null));
    expect(withVectors).toBe(paraphrases.length);
    expect(lexicalOnly).toBeLessThan(withVectors);
  });

  it('embeds each distinct training text once, however many folds ask for it', async () => {
    const embedder = conceptEmbedder(testConcepts);
    const seen: string[] = [];
    await trainClassifier(train, [], { semantic: { model: 'm', embed: async (t) => (seen.push(...t), embedder.embed(t)) } });
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('round-trips through its JSON state, lexical-only threshold included', async () => {
    const embedder = conceptEmbedder(testConcepts);
    const { classifier } = await trainClassifier(train, [], { semantic: { model: 'test/concepts', embed: (t) => embedder.embed(t) } });
    const loaded = await IntentClassifier.fromState(JSON.parse(JSON.stringify(classifier.toState())));
    const [v] = await embedder.embed(['terminate the contract']);
    expect([...(await loaded.probabilities('terminate the contract', v ?? null))]).toEqual([...(await classifier.probabilities('terminate the contract', v ?? null))]);
    const head = loaded.semantic;
    expect(head).not.toBeNull();
    expect(head?.lexicalThreshold).toBeGreaterThan(0);
  });

  it('without an embedder no member is trained and the state has none', async () => {
    const { classifier, metrics } = await trainClassifier(train, []);
    expect(classifier.semantic).toBeNull();
    expect(metrics.semanticWeight).toBe(0);
    expect(classifier.toState().semantic).toBeUndefined();
  });
});
