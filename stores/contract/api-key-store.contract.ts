import { describe, expect, it } from '@jest/globals';
import { useStores, walkPages, type StoresFactory } from './harness.js';

export function describeApiKeyStore(make: StoresFactory): void {
  describe('ApiKeyStore', () => {
    const stores = useStores(make);
    const input = (n: number) => ({ name: `shop ${n}`, scopes: ['orders:write' as const], prefix: `prl_abc${n}`, createdBy: 'usr_1', hash: `hash-${n}` });

    it('creates keys, finds them by hash only, and lists them newest first', async () => {
      const s = stores().apiKeys;
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await s.create(input(i)));
      expect(made[0]).toMatchObject({ name: 'shop 0', scopes: ['orders:write'], prefix: 'prl_abc0', createdBy: 'usr_1', revokedAt: null, lastUsedAt: null });
      expect(made[0]).not.toHaveProperty('hash');
      expect(await s.findByHash('hash-3')).toEqual(made[3]);
      expect(await s.findByHash('nope')).toBeNull();
      expect(await s.get(made[2]!.id)).toEqual(made[2]);
      const listed = (await walkPages((p) => s.list(p), 2)).flat();
      expect(listed.map((k) => k.id)).toEqual(made.map((k) => k.id).reverse());
    });

    it('refuses a second key with the same hash', async () => {
      const s = stores().apiKeys;
      await s.create(input(10));
      await expect(s.create({ ...input(10), name: 'copy' })).rejects.toBeTruthy();
    });

    it('revokes once (the first time stands), keeps revoked keys findable, and records the last use', async () => {
      const s = stores().apiKeys;
      const k = await s.create(input(20));
      const revoked = await s.revoke(k.id, '2026-12-01T00:00:00.000Z');
      expect(revoked?.revokedAt).toBe('2026-12-01T00:00:00.000Z');
      expect((await s.revoke(k.id, '2026-12-02T00:00:00.000Z'))?.revokedAt).toBe('2026-12-01T00:00:00.000Z');
      expect((await s.findByHash('hash-20'))?.revokedAt).toBe('2026-12-01T00:00:00.000Z');
      expect(await s.revoke('unknown-id')).toBeNull();
      await s.touch(k.id, '2026-12-03T00:00:00.000Z');
      expect((await s.get(k.id))?.lastUsedAt).toBe('2026-12-03T00:00:00.000Z');
    });
  });
}
