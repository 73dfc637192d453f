import { describe, expect, it } from '@jest/globals';
import { errorCode, useStores, walkPages, type StoresFactory } from './harness.js';

const faq = (id?: string) => ({
  ...(id ? { id } : {}),
  question: 'How long does shipping take?',
  answer: 'Two to four working days.',
  alternates: ['delivery time', 'when will my order arrive'],
  tags: ['shipping'],
});

export function describeKnowledgeStore(make: StoresFactory): void {
  describe('KnowledgeStore', () => {
    const stores = useStores(make);

    it('creates, reads, updates and deletes entries, bumping the revision on every write', async () => {
      const k = stores().knowledge;
      const r0 = await k.revision();
      const created = await k.create(faq('shipping.time'));
      expect(created).toMatchObject({ id: 'shipping.time', ...faq() });
      expect(await k.get('shipping.time')).toEqual(created);
      const r1 = await k.revision();
      expect(r1).toBeGreaterThan(r0);
      const updated = await k.update('shipping.time', { answer: 'Three days.', tags: ['shipping', 'orders'] });
      expect(updated).toMatchObject({ question: created.question, answer: 'Three days.', tags: ['shipping', 'orders'] });
      expect(await k.get('shipping.time')).toEqual(updated);
      const r2 = await k.revision();
      expect(r2).toBeGreaterThan(r1);
      await k.delete('shipping.time');
      expect(await k.get('shipping.time')).toBeNull();
      expect(await k.revision()).toBeGreaterThan(r2);
    });

    it('generates an id when none is given and refuses a duplicate id', async () => {
      const generated = await stores().knowledge.create(faq());
      expect(generated.id.length).toBeGreaterThan(0);
      await stores().knowledge.create(faq('dup'));
      const r = await stores().knowledge.revision();
      expect(await errorCode(stores().knowledge.create(faq('dup')))).toBe('ERR_FAQ_DUPLICATE');
      expect(await stores().knowledge.revision()).toBe(r);
    });

    it('404s updates and deletes of a missing entry without bumping the revision', async () => {
      const r = await stores().knowledge.revision();
      expect(await errorCode(stores().knowledge.update('nope', { answer: 'x' }))).toBe('ERR_FAQ_NOT_FOUND');
      expect(await errorCode(stores().knowledge.delete('nope'))).toBe('ERR_FAQ_NOT_FOUND');
      expect(await stores().knowledge.revision()).toBe(r);
    });

    it('lists by id through every page and agrees with all() and count()', async () => {
      for (let i = 0; i < 12; i++) await stores().knowledge.create(faq(`page.${String(i).padStart(2, '0')}`));
      const listed = (await walkPages((p) => stores().knowledge.list(p), 5)).flat();
      const all = await stores().knowledge.all();
      expect(listed).toEqual(all);
      expect(listed.map((e) => e.id)).toEqual([...listed.map((e) => e.id)].sort());
      expect(await stores().knowledge.count()).toBe(all.length);
      expect(listed.filter((e) => e.id.startsWith('page.'))).toHaveLength(12);
    });
  });
}
