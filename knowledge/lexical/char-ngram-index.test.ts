import { describe, expect, it } from '@jest/globals';
import { CharNgramIndex, charGrams } from './char-ngram-index.js';
import { LexicalIndex } from './lexical-index.js';

describe('CharNgramIndex', () => {
  it('keeps grams inside word boundaries', () => {
    const g = [...charGrams('hi you').keys()];
    expect(g).toContain(' hi ');
    expect(g).toContain('you ');
    expect(g.some((x) => x.includes('i y'))).toBe(false);
  });

  it('matches misspelled words that share no whole word with the text', () => {
    const ix = new CharNgramIndex();
    ix.set('sym', 'What are the symptoms?');
    ix.set('ship', 'How long does shipping take?');
    const res = [...ix.search('symptons')].sort((a, b) => b[1] - a[1]);
    expect(res[0]?.[0]).toBe('sym');
    expect(res[0]?.[1]).toBeGreaterThan(0);
    expect(res[0]?.[1]).toBeLessThanOrEqual(1);
  });

  it('forgets deleted and replaced texts and honours the accept filter', () => {
    const ix = new CharNgramIndex();
    ix.set('a', 'gift cards');
    ix.set('b', 'parcel tracking');
    expect(ix.search('gift card').has('a')).toBe(true);
    ix.set('a', 'student discounts');
    expect(ix.search('gift card').has('a')).toBe(false);
    ix.delete('b');
    expect(ix.search('parcel').size).toBe(0);
    expect(ix.search('student', (k) => k !== 'a').size).toBe(0);
    expect(ix.size).toBe(1);
  });

  it('scores the same whatever order the texts were added in, once norms are refreshed', () => {
    const texts = ['How long does shipping take?', 'Can I return an item?', 'Which payment methods are there?', 'Where is my order?'];
    const score = (order: string[]) => {
      const ix = new CharNgramIndex();
      order.forEach((t) => ix.set(t, t));
      ix.refreshNorms();
      return [...ix.search('shiping time')].sort((a, b) => a[0].localeCompare(b[0]));
    };
    const a = score(texts);
    const b = score([...texts].reverse());
    expect(b.map(([k]) => k)).toEqual(a.map(([k]) => k));
    b.forEach(([, s], i) => expect(s).toBeCloseTo(a[i]![1], 10));
  });
});

describe('LexicalIndex with the n-gram view', () => {
  it('finds an entry through a typo and a joined word, and drops removed entries from both views', () => {
    const ix = new LexicalIndex();
    ix.addAll([
      { id: 'track', question: 'How do I track my order?', answer: 'Use the link in the e-mail.', alternates: ['Where is my parcel?'] },
      { id: 'pay', question: 'Which payment methods do you accept?', answer: 'Cards and bank transfer.', alternates: [] },
    ]);
    expect(ix.search('wher is my parcell')[0]).toMatchObject({ id: 'track', matched: 'alternate' });
    expect(ix.search('paymentmethods')[0]?.id).toBe('pay');
    ix.remove('track');
    expect(ix.search('parcel').map((h) => h.id)).not.toContain('track');
  });
});
