import { describe, expect, it } from '@jest/globals';
import { useStores, walkPages, type StoresFactory } from './harness.js';

export function describeAuditLog(make: StoresFactory): void {
  describe('AuditLog', () => {
    const stores = useStores(make);

    it('records staff actions and lists them newest first, filtered by actor and action', async () => {
      const s = stores().audit;
      const first = await s.record({ actor: { id: 'u1', email: 'a@x.io', role: 'admin' }, action: 'faq.update', target: 'faq-1' });
      expect(first.at).toBeTruthy();
      for (let i = 0; i < 5; i++) {
        await s.record({ actor: { id: i % 2 ? 'u1' : 'u2' }, action: i % 2 ? 'intent.delete' : 'customer.erase', details: { i } });
      }
      const all = (await walkPages((p) => s.list(p), 2)).flat();
      expect(all).toHaveLength(6);
      expect(all[5]).toEqual(first);
      expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
      const byActor = await s.list({ actorId: 'u1' });
      expect(byActor.items.map((e) => e.action)).toEqual(['intent.delete', 'intent.delete', 'faq.update']);
      const erases = await s.list({ action: 'customer.erase', actorId: 'u2' });
      expect(erases.items.map((e) => e.details)).toEqual([{ i: 4 }, { i: 2 }, { i: 0 }]);
    });

    it('keeps a given timestamp', async () => {
      const e = await stores().audit.record({ actor: { id: 'u9' }, action: 'nlu.train', at: '2026-02-01T10:00:00.000Z' });
      expect(e.at).toBe('2026-02-01T10:00:00.000Z');
      expect((await stores().audit.list({ actorId: 'u9' })).items).toEqual([e]);
    });
  });
}
