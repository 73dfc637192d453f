import { describe, expect, it } from '@jest/globals';
import { demoFaqs } from '../faq/demo-faqs.js';
import { FaqRetriever } from '../retriever.js';
import { collectProbes } from './self-supervision.js';

const load = (withAlternates: boolean) => {
  const r = new FaqRetriever();
  r.load(demoFaqs.map((f) => ({ id: f.id ?? f.question, question: f.question, answer: f.answer, alternates: withAlternates ? (f.alternates ?? []) : [] })));
  return r;
};

describe('self-supervised probes', () => {
  it('asks each entry a paraphrase, a leave-one-out and a leave-question-out question', async () => {
    const r = load(true);
    const { rows, vectorWeight } = await collectProbes(r, 'lexical');
    expect(vectorWeight).toBe(1); // lexical mode: nothing to weigh
    expect(rows.length).toBeGreaterThan(2 * demoFaqs.length);
    expect(rows.length).toBeLessThanOrEqual(3 * demoFaqs.length);
    expect(rows.some((x) => x.y === 1)).toBe(true);
    expect(rows.some((x) => x.y === 0)).toBe(true);
  });

  it('restores the index after probing', async () => {
    const r = load(true);
    const before = r.lexical.search('When will my order arrive?', 5);
    await collectProbes(r, 'lexical');
    const after = r.lexical.search('When will my order arrive?', 5);
    // The n-gram view comes back exactly; minisearch's BM25 drifts slightly after discard + re-add
    // (its lazily cleaned postings), so only the leading hits are compared.
    expect(after.slice(0, 3).map((h) => h.id)).toEqual(before.slice(0, 3).map((h) => h.id));
    after.forEach((h) => expect(h.charSim).toBeCloseTo(before.find((b) => b.id === h.id)?.charSim ?? -1, 6));
  });

  it('probes are harder without alternates: fewer leave-question-out probes find their entry', async () => {
    const { rows } = await collectProbes(load(false), 'lexical');
    const right = rows.filter((x) => x.y === 1).length;
    expect(right).toBeLessThan(rows.length / 2);
  });
});
