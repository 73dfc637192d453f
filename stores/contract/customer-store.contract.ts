import { describe, expect, it } from '@jest/globals';
import { newId, newToken } from '../../core/index.js';
import { errorCode, useStores, walkPages, type StoresFactory } from './harness.js';

export function describeCustomerStore(make: StoresFactory): void {
  describe('CustomerStore', () => {
    const stores = useStores(make);

    it('creates a customer with empty stats and reads it back by id, visitor token and external id', async () => {
      const token = newToken();
      const ext = `webhook:${newToken(6)}`;
      const created = await stores().customers.create({
        visitorToken: token,
        externalId: ext,
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        attributes: { plan: 'pro' },
      });
      expect(created.stats.messageCount).toBe(0);
      expect(created.stats.lastCsat).toBeNull();
      expect(await stores().customers.get(created.id)).toEqual(created);
      expect(await stores().customers.findByVisitorToken(token)).toEqual(created);
      expect(await stores().customers.findByExternalId(ext)).toEqual(created);
      expect(await stores().customers.findByVisitorToken('no-such-token')).toBeNull();
      expect(await stores().customers.findByExternalId('webhook:nobody')).toBeNull();
      expect(await stores().customers.get('missing')).toBeNull();
    });

    it('creates a customer under an id handed out earlier, once (a second create with that id is ERR_STORE_CONFLICT)', async () => {
      const id = newId();
      const token = newToken();
      const created = await stores().customers.create({ id, visitorToken: token });
      expect(created.id).toBe(id);
      expect((await stores().customers.findByVisitorToken(token))?.id).toBe(id);
      expect(await errorCode(stores().customers.create({ id, visitorToken: newToken() }))).toBe('ERR_STORE_CONFLICT');
    });

    it('updates PII and attributes, keeps fields the patch leaves out, and 404s a missing customer', async () => {
      const c = await stores().customers.create({ name: 'Old', email: 'old@example.com' });
      const updated = await stores().customers.update(c.id, { email: 'new@example.com', attributes: { tier: 'gold' } });
      expect(updated).toMatchObject({ name: 'Old', email: 'new@example.com', attributes: { tier: 'gold' } });
      expect(await stores().customers.get(c.id)).toEqual(updated);
      const token = newToken();
      await stores().customers.update(c.id, { visitorToken: token, externalId: `identity:${c.id}` });
      expect((await stores().customers.findByVisitorToken(token))?.id).toBe(c.id);
      expect((await stores().customers.findByExternalId(`identity:${c.id}`))?.id).toBe(c.id);
      expect(await errorCode(stores().customers.update('missing', { name: 'x' }))).toBe('ERR_CUSTOMER_NOT_FOUND');
    });

    it('refuses a second customer with the same external id', async () => {
      const ext = `botframework:${newToken(6)}`;
      await stores().customers.create({ externalId: ext });
      expect(await errorCode(stores().customers.create({ externalId: ext }))).toBe('ERR_STORE_CONFLICT');
    });

    it('records activity as atomic increments, also under concurrency', async () => {
      const c = await stores().customers.create({});
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          stores().customers.recordActivity(c.id, { messages: 1, fallbacks: i % 2, sentiment: -0.5 }),
        ),
      );
      await stores().customers.recordActivity(c.id, { conversations: 1, escalations: 1, csat: 4, seenAt: '2099-01-01T00:00:00.000Z' });
      await stores().customers.recordActivity(c.id, { csat: 2, seenAt: '2000-01-01T00:00:00.000Z' });
      const after = await stores().customers.get(c.id);
      expect(after?.stats).toEqual({
        messageCount: 50,
        conversationCount: 1,
        escalations: 1,
        fallbacks: 25,
        sentimentSum: -25,
        sentimentCount: 50,
        csatSum: 6,
        csatCount: 2,
        lastCsat: 2,
      });
      expect(after?.lastSeenAt).toBe('2099-01-01T00:00:00.000Z');
      expect(await errorCode(stores().customers.recordActivity('missing', { messages: 1 }))).toBe('ERR_CUSTOMER_NOT_FOUND');
    });

    it('lists newest first through every page without duplicates or gaps, and counts', async () => {
      const before = await stores().customers.count();
      for (let i = 0; i < 23; i++) await stores().customers.create({ name: `p${i}` });
      const total = await stores().customers.count();
      expect(total).toBe(before + 23);
      const pages = await walkPages((p) => stores().customers.list(p), 5);
      const ids = pages.flat().map((c) => c.id);
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(ids).toEqual([...ids].sort().reverse());
      expect(pages[0]?.[0]?.name).toBe('p22');
    });

    it('rejects a forged cursor with ERR_VALIDATION', async () => {
      expect(await errorCode(stores().customers.list({ cursor: '!!not-a-cursor!!' }))).toBe('ERR_VALIDATION');
    });
  });
}
