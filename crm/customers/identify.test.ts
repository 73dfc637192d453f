import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { businessExternalId, createFieldCipher, type Stores } from '../../core/index.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { createCustomerIdentity } from './identify.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-identify-'));
let stores: Stores;
beforeAll(async () => {
  stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('k'.repeat(40)) });
});
afterAll(async () => {
  await stores.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crm customer identity (identify/merge)', () => {
  it('finds the shop\'s profile by the shared external id, updates it from claims, and folds an anonymous visitor in', async () => {
    const shop = await stores.customers.create({ externalId: businessExternalId('u-1'), name: 'Old Name' });
    const anon = await stores.customers.create({});
    const conv = await stores.conversations.create({ customerId: anon.id, channel: 'widget' });
    const identity = createCustomerIdentity(stores);

    const { customer, merged } = await identity.identify({ userId: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com' }, anon.id);
    expect(customer.id).toBe(shop.id);
    expect(customer).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(merged).toBe(1);
    expect((await stores.conversations.get(conv.id))?.customerId).toBe(shop.id);
    // Again: nothing left to move, the profile is the same.
    expect(await identity.identify({ userId: 'u-1' }, anon.id)).toMatchObject({ customer: { id: shop.id }, merged: 0 });
  });

  it('creates the profile of a new user and never moves another signed-in user\'s conversations', async () => {
    const identity = createCustomerIdentity(stores);
    const other = (await identity.identify({ userId: 'u-2' })).customer;
    const conv = await stores.conversations.create({ customerId: other.id, channel: 'widget' });
    const { customer, merged } = await identity.identify({ userId: 'u-3' }, other.id);
    expect(customer.externalId).toBe(businessExternalId('u-3'));
    expect(customer.visitorToken).not.toBeNull();
    expect(merged).toBe(0);
    expect((await stores.conversations.get(conv.id))?.customerId).toBe(other.id);
  });
});
