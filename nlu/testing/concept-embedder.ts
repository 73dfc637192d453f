import type { Embedder } from '../../core/index.js';

/**
 * A stand-in sentence encoder for tests: the words of one concept share one direction, so
 * paraphrases that share no word ("terminate" / "cancel") embed close together. That is the one
 * thing a real embedding model adds to the n-gram members, without shipping one in the tests.
 */
export function conceptEmbedder(concepts: string[][], model = 'test/concepts'): Embedder & { calls: number } {
  const dims = concepts.length + 1;
  const conceptOf = new Map<string, number>();
  concepts.forEach((words, i) => words.forEach((w) => conceptOf.set(w, i)));
  const vector = (text: string): Float32Array => {
    const v = new Float32Array(dims);
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      const i = conceptOf.get(w);
      if (i === undefined) v[dims - 1] = (v[dims - 1] ?? 0) + 0.3;
      else v[i] = (v[i] ?? 0) + 1;
    }
    const norm = Math.hypot(...v) || 1;
    if (norm === 1 && v.every((x) => x === 0)) v[dims - 1] = 1;
    return v.map((x) => x / norm);
  };
  const embedder = {
    calls: 0,
    async embed(texts: string[]): Promise<Float32Array[]> {
      embedder.calls++;
      return texts.map(vector);
    },
    info: () => ({ model, dimensions: dims }),
    close: async () => undefined,
  };
  return embedder;
}

/** Concepts of the test bot below: each includes words its training utterances never use. */
export const testConcepts = [
  ['cancel', 'stop', 'end', 'terminate', 'quit', 'discontinue'],
  ['subscription', 'plan', 'membership', 'account', 'contract'],
  ['refund', 'money', 'reimburse', 'reimbursement', 'repay'],
  ['open', 'hours', 'closing', 'close', 'opening'],
];

export const conceptIntents = [
  { name: 'cancel_subscription', utterances: ['cancel my subscription', 'i want to cancel my plan', 'please stop my membership', 'end my subscription now', 'how do i cancel my plan'] },
  { name: 'get_refund', utterances: ['i want a refund', 'give me my money back', 'refund my order please', 'can i get a refund', 'i would like my money back'] },
  { name: 'opening_hours', utterances: ['when are you open', 'what are your opening hours', 'what time do you close', 'are you open today', 'your hours please'] },
];
