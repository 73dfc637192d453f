import { describe, expect, it } from '@jest/globals';
import { WordIndex } from './word-index.js';

const entry = (id: string, question: string, answer: string, alternates: string[] = []) => ({ id, question, answer, alternates });

describe('WordIndex', () => {
  it('weights query terms by how many whole entries use them, not only questions', () => {
    // "gadget" is in one question only, but every answer talks about gadgets: it says little.
    const ix = new WordIndex();
    ix.addAll([
      entry('what', 'What is a gadget?', 'A gadget is a small device.'),
      entry('battery', 'How long does the battery last?', 'A gadget battery lasts two days.'),
      entry('warranty', 'Is there a warranty?', 'Every gadget has a two-year warranty.'),
      entry('colour', 'Which colours are there?', 'The gadget comes in red and blue.'),
      entry('charge', 'How do I charge it?', 'Plug the gadget into any USB port.'),
    ]);
    expect(ix.search('gadget battery', 5)[0]?.id).toBe('battery');
    expect(ix.search('gadget warranty', 5)[0]?.id).toBe('warranty');
    expect(ix.search('gadget', 5)[0]?.id).toBe('what');
  });

  it('does not reward matching many stop words over one rare word', () => {
    const ix = new WordIndex();
    ix.addAll([
      entry('a', 'What is the price of the one that is on the page?', 'The price is on the page.'),
      entry('b', 'Do you ship to Iceland?', 'Yes, it takes five days.'),
      entry('c', 'What is the returns policy?', 'The policy is on the page.'),
      entry('d', 'What is the warranty?', 'It is two years.'),
      entry('e', 'What is the size of the box?', 'It is the size of a shoe box.'),
    ]);
    expect(ix.search('what is the shipping time to iceland', 5)[0]?.id).toBe('b');
  });

  it('skips terms that most entries of a large FAQ contain, unless nothing else is left', () => {
    const ix = new WordIndex();
    ix.addAll(Array.from({ length: 300 }, (_, i) => entry(`e${i}`, `Question number ${i} about orders`, `Orders are processed. Ref ${i}.`)));
    ix.upsert(entry('zebra', 'Do you sell zebra print orders?', 'Orders with zebra print ship later.'));
    expect(ix.search('zebra orders', 5)[0]?.id).toBe('zebra');
    expect(ix.search('orders', 5).length).toBeGreaterThan(0);
  });

  it('matches a typo fuzzily and counts it as covered, without losing the exact words', () => {
    const ix = new WordIndex();
    ix.addAll([entry('sym', 'What are the symptoms?', 'Fever and cough.'), entry('test', 'Where can I get tested?', 'At a clinic.')]);
    const [hit] = ix.search('early symptons fever', 5);
    expect(hit).toMatchObject({ id: 'sym' });
    expect(hit!.coverage).toBeGreaterThan(0.5); // symptons (fuzzy) and fever (answer) of early/symptons/fever
  });

  it('keeps its term statistics in step with edits', () => {
    const ix = new WordIndex();
    ix.addAll([entry('a', 'Where is my parcel?', 'Track it online.'), entry('b', 'Can I pay by card?', 'Yes.')]);
    ix.remove('a');
    expect(ix.search('parcel', 5)).toEqual([]);
    ix.upsert(entry('a', 'Do you sell vouchers?', 'Yes, online.'));
    expect(ix.search('vouchers', 5)[0]?.id).toBe('a');
    expect(ix.size).toBe(2);
  });

  it('ranks exactly like a freshly built index from the first search after edits', () => {
    const faq = [
      entry('cost', 'How much does shipping cost?', 'Shipping costs 4.90 EUR.'),
      entry('time', 'How long does shipping take?', 'Two to three days.', ['When will my parcel arrive?']),
      entry('intl', 'Do you ship internationally?', 'Yes, to 30 countries.'),
      entry('returns', 'How do I return an item?', 'Within 30 days, free of charge.'),
    ];
    const fresh = new WordIndex();
    fresh.addAll(faq);
    const edited = new WordIndex();
    edited.addAll(faq);
    // What calibration probes and admin edits do: replace texts, then put them back.
    for (const e of faq) {
      edited.upsert({ ...e, question: 'shipping shipping cost time', alternates: [] });
      edited.upsert(e);
    }
    edited.remove('returns');
    edited.upsert(faq[3]!);
    const query = 'shipping cost and time';
    expect(edited.search(query, 5)).toEqual(fresh.search(query, 5));
  });
});
