import { describe, expect, it } from '@jest/globals';
import type { Embedder } from '../../core/index.js';
import { TurnEmbeddings } from './turn-embeddings.js';

/** Records what reaches the model: the point is how many texts are embedded, not the vectors. */
function counting(fail = new Set<string>()): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    info: () => ({ model: 'counting', dimensions: 1 }),
    close: async () => undefined,
    embed: async (texts) => {
      calls.push(texts);
      await new Promise((r) => setTimeout(r, 5));
      if (texts.some((t) => fail.has(t))) throw new Error('worker died');
      return texts.map((t) => Float32Array.of(t.length));
    },
  };
}

describe('TurnEmbeddings', () => {
  it('a text asked for by NLU and FAQ retrieval at once is embedded once; batches pass through', async () => {
    const inner = counting();
    const shared = new TurnEmbeddings(inner);
    const [a, b] = await Promise.all([shared.embed(['where is my order']), shared.embed(['where is my order'])]);
    expect(a[0]).toBe(b[0]);
    expect(inner.calls).toEqual([['where is my order']]);
    await shared.embed(['faq one', 'faq two']);
    await shared.embed(['faq one', 'faq two']);
    expect(inner.calls.length).toBe(3);
  });

  it('a failed embedding is not remembered', async () => {
    const fail = new Set(['flaky']);
    const inner = counting(fail);
    const shared = new TurnEmbeddings(inner);
    await expect(shared.embed(['flaky'])).rejects.toThrow('worker died');
    fail.clear();
    expect((await shared.embed(['flaky']))[0]?.[0]).toBe(5);
    expect(inner.calls).toEqual([['flaky'], ['flaky']]);
  });
});
