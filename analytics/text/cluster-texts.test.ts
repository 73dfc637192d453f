import { describe, expect, it } from '@jest/globals';
import { clusterTexts } from './cluster-texts.js';
import { maskPii } from './mask.js';
import { tokenize } from './tfidf.js';

const password = ['How do I reset my password?', 'forgot my password, need a reset', 'password reset please', 'reset password link not working'];
const parcel = ['where is my parcel', 'my parcel has not arrived yet', 'parcel still missing after a week'];
const gift = ['do you sell gift cards?', 'can I buy a gift card', 'gift cards available?'];

function groupOf(clusters: { examples: string[]; count: number }[], text: string) {
  return clusters.find((c) => c.examples.includes(text));
}

describe('unanswered-question clustering (TF-IDF)', () => {
  it('groups paraphrases and counts repeats', async () => {
    const texts = [...password, ...parcel, ...gift, 'where is my parcel', 'What is the meaning of life'];
    const clusters = await clusterTexts(texts, { examples: 10 });
    expect(clusters).toHaveLength(4);
    expect(clusters.map((c) => c.count)).toEqual([4, 4, 3, 1]);
    for (const family of [password, parcel, gift]) {
      const g = groupOf(clusters, family[0]!)!;
      for (const t of family) expect(g.examples).toContain(t);
    }
    expect(clusters[0]!.label.length).toBeGreaterThan(0);
  });

  it('uses embeddings when given (cosine on the vectors, not the words)', async () => {
    // Two topics that share no words; the vectors say which is which.
    const texts = ['cannot sign in', 'login fails', 'refund please', 'money back'];
    const topic = (t: string) => (/sign|login/.test(t) ? [1, 0] : [0, 1]);
    const clusters = await clusterTexts(texts, { embed: async (ts) => ts.map((t) => Float32Array.from(topic(t))) });
    expect(clusters.map((c) => c.count)).toEqual([2, 2]);
  });

  it('masks contact details in examples', async () => {
    expect(maskPii('mail me at jane.doe@example.com or +44 20 7946 0958, order 123456')).toBe(
      'mail me at [email] or [number], order [number]',
    );
    const [c] = await clusterTexts(['my email is jane@example.com help']);
    expect(c!.examples[0]).not.toContain('jane@example.com');
  });

  it('stems and drops stop words', () => {
    expect(tokenize('The refunds were refunded!')).toEqual(['refund', 'refund']);
  });
});
