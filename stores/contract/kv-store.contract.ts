import { describe, expect, it } from '@jest/globals';
import { useStores, type StoresFactory } from './harness.js';

export function describeKeyValueStore(make: StoresFactory): void {
  describe('KeyValueStore', () => {
    const stores = useStores(make);

    it('puts, overwrites, gets, lists keys per namespace and deletes', async () => {
      const kv = stores().kv;
      expect(await kv.get('analytics', 'daily')).toBeNull();
      await kv.put('analytics', 'daily', { csat: 4.2, days: [1, 2] });
      await kv.put('analytics', 'weekly', 7);
      await kv.put('settings', 'daily', 'other namespace');
      expect(await kv.get('analytics', 'daily')).toEqual({ csat: 4.2, days: [1, 2] });
      await kv.put('analytics', 'daily', ['replaced']);
      expect(await kv.get<string[]>('analytics', 'daily')).toEqual(['replaced']);
      expect(await kv.keys('analytics')).toEqual(['daily', 'weekly']);
      expect(await kv.get('settings', 'daily')).toBe('other namespace');
      await kv.delete('analytics', 'daily');
      await kv.delete('analytics', 'never-there');
      expect(await kv.get('analytics', 'daily')).toBeNull();
      expect(await kv.keys('analytics')).toEqual(['weekly']);
      expect(await kv.keys('empty')).toEqual([]);
    });
  });
}
