import { describe, expect, it } from '@jest/globals';
import { errorCode, useStores, walkPages, type StoresFactory } from './harness.js';

const user = (email: string, role: 'admin' | 'agent' = 'agent') => ({ email, name: email.split('@')[0] ?? email, role, passwordHash: '$argon2id$x' });

export function describeUserStore(make: StoresFactory): void {
  describe('UserStore', () => {
    const stores = useStores(make);

    it('creates, finds by email (any case), updates and deletes a user', async () => {
      const s = stores().users;
      const created = await s.create(user('Ann@Example.com', 'admin'));
      expect(await s.get(created.id)).toEqual(created);
      expect(await s.findByEmail('ann@example.COM')).toEqual(created);
      const updated = await s.update(created.id, { name: 'Ann B', role: 'agent' });
      expect(updated).toMatchObject({ name: 'Ann B', role: 'agent', email: 'Ann@Example.com' });
      expect(await s.get(created.id)).toEqual(updated);
      await s.delete(created.id);
      expect(await s.get(created.id)).toBeNull();
      expect(await errorCode(s.delete(created.id))).toBe('ERR_USER_NOT_FOUND');
      expect(await errorCode(s.update(created.id, { name: 'x' }))).toBe('ERR_USER_NOT_FOUND');
    });

    it('refuses a duplicate email on create and on update with ERR_USER_DUPLICATE', async () => {
      const s = stores().users;
      await s.create(user('bo@example.com'));
      expect(await errorCode(s.create(user('BO@example.com')))).toBe('ERR_USER_DUPLICATE');
      const cy = await s.create(user('cy@example.com'));
      expect(await errorCode(s.update(cy.id, { email: 'bo@example.com' }))).toBe('ERR_USER_DUPLICATE');
      expect((await s.get(cy.id))?.email).toBe('cy@example.com');
    });

    it('counts by role and lists every user once', async () => {
      const s = stores().users;
      const admins = await s.countByRole('admin');
      await s.create(user('root1@example.com', 'admin'));
      await s.create(user('root2@example.com', 'admin'));
      expect(await s.countByRole('admin')).toBe(admins + 2);
      for (let i = 0; i < 6; i++) await s.create(user(`agent${i}@example.com`));
      const listed = (await walkPages((p) => s.list(p), 4)).flat();
      expect(new Set(listed.map((u) => u.id)).size).toBe(listed.length);
      expect(listed.length).toBe((await s.countByRole('admin')) + (await s.countByRole('agent')));
    });
  });
}
