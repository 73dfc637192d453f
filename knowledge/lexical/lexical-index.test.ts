import { describe, expect, it } from '@jest/globals';
import { LexicalIndex } from './lexical-index.js';

const entry = (id: string, question: string, answer = 'See our help pages.', alternates: string[] = []) => ({ id, question, answer, alternates });

describe('LexicalIndex', () => {
  it('ranks by question, alternates and answer and says which field matched', () => {
    const ix = new LexicalIndex();
    ix.addAll([
      entry('ship', 'How long does shipping take?', 'Standard delivery takes 2-4 days.'),
      entry('ret', 'How do I return an item?', 'Print the label.', ['Can I send something back?']),
      entry('pay', 'Which payment methods do you accept?', 'We accept PayPal and Visa.'),
    ] as never);
    expect(ix.search('shipping takes how long')[0]).toMatchObject({ id: 'ship', matched: 'question' });
    expect(ix.search('send it back')[0]).toMatchObject({ id: 'ret', matched: 'alternate' });
    expect(ix.search('paypal')[0]).toMatchObject({ id: 'pay', matched: 'answer' });
    expect(ix.search('shipped')[0]?.id).toBe('ship'); // stemming
  });

  it('applies edits incrementally: replaced text is no longer found, removed entries vanish', () => {
    const ix = new LexicalIndex();
    ix.upsert(entry('a', 'Do you sell gift cards?'));
    ix.upsert(entry('b', 'Where is my parcel?'));
    expect(ix.search('gift cards')[0]?.id).toBe('a');
    ix.upsert(entry('a', 'Do you offer student discounts?'));
    expect(ix.search('gift cards').map((h) => h.id)).not.toContain('a');
    expect(ix.search('student discount')[0]?.id).toBe('a');
    ix.remove('b');
    expect(ix.search('parcel')).toEqual([]);
    expect(ix.size).toBe(1);
  });

  it('handles empty, stop-word-only and 4,000-character queries', () => {
    const ix = new LexicalIndex();
    ix.upsert(entry('a', 'How long does shipping take?'));
    expect(ix.search('')).toEqual([]);
    expect(ix.search('   ?!  ')).toEqual([]);
    const huge = `shipping ${'lorem ipsum dolor '.repeat(230)}`.slice(0, 4000);
    expect(ix.search(huge)[0]?.id).toBe('a');
  });

  it('cuts a pasted paragraph down to its rarest indexed words', () => {
    const ix = new LexicalIndex();
    ix.addAll(Array.from({ length: 30 }, (_, i) => entry(`e${i}`, `What is the policy number ${i} for the common order question?`)));
    ix.upsert(entry('rare', 'Can I get a refund for a damaged umbrella?'));
    const filler = Array.from({ length: 80 }, (_, i) => `zz${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');
    const paste = `what is the policy for the common order question ${filler} my umbrella arrived damaged`;
    expect(ix.search(paste)[0]?.id).toBe('rare');
  });

  it('reports coverage of the query content words', () => {
    const ix = new LexicalIndex();
    ix.upsert(entry('a', 'How long does shipping take?'));
    const [hit] = ix.search('shipping to mars');
    expect(hit?.coverage).toBeCloseTo(0.5); // shipping yes, mars no ("to" is not a content word)
  });
});
