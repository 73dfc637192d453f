import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { faqSearchResultSchema } from '../core/index.js';
import { createKnowledgeService, demoFaqs, type KnowledgeService } from './index.js';
import { MemoryKnowledgeStore } from './test-support/memory-knowledge-store.js';
import { recordingLogger } from './test-support/tiny-service.js';

const open: KnowledgeService[] = [];
async function lexicalService(seed = true) {
  const store = new MemoryKnowledgeStore();
  if (seed) for (const f of demoFaqs) await store.create({ id: f.id, question: f.question, answer: f.answer, alternates: f.alternates ?? [], tags: f.tags ?? [] });
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-knowledge-'));
  const { logger, lines } = recordingLogger();
  // No model in an empty models dir: explicit lexical mode.
  const svc = await createKnowledgeService({ store, dataDir, modelsDir: join(dataDir, 'no-models'), embeddingModel: 'Xenova/all-MiniLM-L6-v2', logger });
  open.push(svc);
  return { svc, store, lines };
}
afterEach(async () => Promise.all(open.splice(0).map((s) => s.close())));

describe('knowledge service (lexical mode)', () => {
  it('refits the calibration once after a burst of edits settles, then stays idle', async () => {
    const { svc, lines } = await lexicalService();
    const refits = () => lines.filter((l) => l.msg === 'FAQ calibration refitted after edits').length;
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      await svc.create({ question: 'Do you sell gift cards?', answer: 'Yes, from 10 EUR.', alternates: [], tags: [] });
      await svc.create({ question: 'Can I pay by invoice?', answer: 'Yes, for business accounts.', alternates: [], tags: [] });
      expect(refits()).toBe(0); // still settling
      // The refit itself runs on real (unfaked) setImmediate turns: let those run after each jump.
      const turns = async (n: number) => {
        for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
      };
      await jest.advanceTimersByTimeAsync(2_000);
      for (let i = 0; i < 200 && refits() === 0; i++) await turns(10);
      expect(refits()).toBe(1);
      await jest.advanceTimersByTimeAsync(60_000);
      await turns(200);
      expect(refits()).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says it runs lexical when no model is installed, and logs why', async () => {
    const { svc, lines } = await lexicalService();
    expect(svc.info()).toMatchObject({ mode: 'lexical', entries: demoFaqs.length });
    expect(svc.info().model).toBeUndefined();
    expect(lines.some((l) => l.level === 'warn' && /lexical mode/.test(l.msg))).toBe(true);
    expect((await svc.search('how long does shipping take')).mode).toBe('lexical');
  });

  it('answers a close paraphrase, suggests on vague input, declines unrelated text', async () => {
    const { svc } = await lexicalService();
    const exact = await svc.search('When will my order arrive?');
    expect(faqSearchResultSchema.parse(exact)).toBeTruthy();
    expect(exact.hits[0]).toMatchObject({ faqId: 'shipping-times', matched: 'alternate' });
    expect(exact.decision).toBe('answer');
    const unrelated = await svc.search('the quantum chromodynamics of gluons');
    expect(unrelated.decision).toBe('none');
    const hits = (await svc.search('refund')).hits.map((h) => h.faqId);
    expect(hits[0]).toBe('refunds');
  });

  it('returns none for empty or whitespace queries and copes with 4,000-character ones', async () => {
    const { svc } = await lexicalService();
    expect(await svc.search('')).toEqual({ hits: [], decision: 'none', mode: 'lexical' });
    expect((await svc.search('   \n\t ')).decision).toBe('none');
    const long = `How can I track my order? ${'x'.repeat(3970)}`;
    const res = await svc.search(long);
    expect(res.hits[0]?.faqId).toBe('order-tracking');
  });

  it('indexes CRUD edits at once: create, update, remove', async () => {
    const { svc, store } = await lexicalService();
    const created = await svc.create({ question: 'Do you sell gift cards?', answer: 'Yes, from 10 to 200 EUR.', alternates: ['Can I buy a voucher for a friend?'] });
    expect(await store.get(created.id)).not.toBeNull();
    expect((await svc.search('do you sell gift cards')).hits[0]?.faqId).toBe(created.id);
    const patched = await svc.update(created.id, { answer: 'Yes, from 10 to 300 EUR.' });
    expect(patched.alternates).toEqual(['Can I buy a voucher for a friend?']); // a patch keeps untouched fields
    await svc.update(created.id, { question: 'Do you offer student discounts?', alternates: [] });
    expect((await svc.search('gift cards')).hits.map((h) => h.faqId)).not.toContain(created.id);
    expect((await svc.search('student discounts')).hits[0]?.faqId).toBe(created.id);
    await svc.remove(created.id);
    expect((await svc.search('student discounts')).hits.map((h) => h.faqId)).not.toContain(created.id);
    expect(svc.info().entries).toBe(demoFaqs.length);
    await expect(svc.remove(created.id)).rejects.toMatchObject({ code: 'ERR_FAQ_NOT_FOUND' });
  });

  it('rejects duplicate ids and invalid input with catalogue codes', async () => {
    const { svc } = await lexicalService();
    await expect(svc.create({ id: 'returns', question: 'Q?', answer: 'A' })).rejects.toMatchObject({ code: 'ERR_FAQ_DUPLICATE' });
    await expect(svc.create({ question: '   ', answer: 'A' })).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    await expect(svc.update('returns', {})).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    expect(svc.info().entries).toBe(demoFaqs.length);
  });

  it('stores HTML and markdown as text and does not match on markup', async () => {
    const { svc } = await lexicalService(false);
    const answer = '<script>alert(1)</script> **Bold** [link](https://example.com)';
    const e = await svc.create({ question: 'Where is the <b>imprint</b>?', answer });
    const [hit] = (await svc.search('imprint')).hits;
    expect(hit).toMatchObject({ faqId: e.id, answer, question: 'Where is the <b>imprint</b>?' });
    expect((await svc.search('script')).hits.map((h) => h.faqId)).not.toContain(e.id);
  });

  it('imports nothing when a row is bad, unless partial import was asked; rows are numbered from 1', async () => {
    const { svc } = await lexicalService(false);
    const rows = [
      { id: 'ok-1', question: 'Do you ship to Iceland?', answer: 'Yes.' },
      { question: '', answer: 'missing question' },
      { id: 'ok-1', question: 'Same id again', answer: 'dup' },
      'not an object',
      { id: 'ok-2', question: 'Do you have a shop in Berlin?', answer: 'No, online only.', extra: 1 },
      { id: 'ok-3', question: 'Do you have gift wrapping?', answer: 'Yes, 3 EUR.', alternates: ['gift wrap'] },
    ];
    const strict = await svc.importFaqs(rows, { partial: false });
    expect(strict.imported).toBe(0);
    expect(strict.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(strict.errors.find((e) => e.row === 3)?.issues[0]?.message).toMatch(/ERR_FAQ_DUPLICATE/);
    expect(svc.info().entries).toBe(0);
    const partial = await svc.importFaqs(rows, { partial: true });
    expect(partial).toMatchObject({ imported: 2 });
    expect(partial.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect((await svc.search('gift wrap')).hits[0]?.faqId).toBe('ok-3');
    const again = await svc.importFaqs([{ id: 'ok-3', question: 'x?', answer: 'y' }], { partial: true });
    expect(again).toMatchObject({ imported: 0, errors: [{ row: 1 }] });
  });
});
