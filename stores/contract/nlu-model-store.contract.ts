import { describe, expect, it } from '@jest/globals';
import { errorCode, useStores, type StoresFactory } from './harness.js';

const model = (version: string, createdAt: string) => ({
  version,
  createdAt,
  data: JSON.stringify({ weights: [1, 2, 3], version }),
  metrics: { accuracy: 0.9 },
});

export function describeNluModelStore(make: StoresFactory): void {
  describe('NluModelStore', () => {
    const stores = useStores(make);

    it('saves versions, activates exactly one at a time and lists newest first without data', async () => {
      const s = stores().nluModels;
      expect(await s.active()).toBeNull();
      await s.save(model('v1', '2026-01-01T00:00:00.000Z'));
      await s.save(model('v2', '2026-01-02T00:00:00.000Z'));
      expect(await s.get('v1')).toEqual({ ...model('v1', '2026-01-01T00:00:00.000Z'), active: false });
      await s.activate('v1');
      expect((await s.active())?.version).toBe('v1');
      await s.activate('v2');
      const active = await s.active();
      expect(active).toEqual({ ...model('v2', '2026-01-02T00:00:00.000Z'), active: true });
      expect((await s.get('v1'))?.active).toBe(false);
      const list = await s.list();
      expect(list.map((m) => [m.version, m.active])).toEqual([
        ['v2', true],
        ['v1', false],
      ]);
      expect(list[0]).not.toHaveProperty('data');
      expect(await s.list(1)).toHaveLength(1);
    });

    it('keeps the active flag when a version is saved again, and refuses to activate a missing one', async () => {
      const s = stores().nluModels;
      await s.save(model('v3', '2026-01-03T00:00:00.000Z'));
      await s.activate('v3');
      await s.save({ ...model('v3', '2026-01-03T00:00:00.000Z'), metrics: { accuracy: 0.95 } });
      expect(await s.active()).toMatchObject({ version: 'v3', metrics: { accuracy: 0.95 } });
      expect(await errorCode(s.activate('nope'))).toBe('ERR_NLU_MODEL_NOT_FOUND');
      expect((await s.active())?.version).toBe('v3');
      expect(await s.get('nope')).toBeNull();
    });
  });
}
