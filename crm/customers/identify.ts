import { businessExternalId, newToken, type Customer, type CustomerIdentity, type IdentityClaims, type Stores } from '../../core/index.js';

/**
 * Identify/merge across every store: the signed-in user's profile is found by the same external id the shop's orders
 * use (core businessExternalId), so chats and purchases meet in one profile.
 */
export function createCustomerIdentity(stores: Pick<Stores, 'customers' | 'conversations'>): CustomerIdentity {
  async function profileOf(claims: IdentityClaims): Promise<Customer> {
    const externalId = businessExternalId(claims.userId);
    const existing = await stores.customers.findByExternalId(externalId);
    if (!existing) {
      return stores.customers.create({ externalId, visitorToken: newToken(), name: claims.name ?? null, email: claims.email ?? null });
    }
    // The host site is the source of truth for name and email of its signed-in users.
    const patch: { name?: string; email?: string } = {};
    if (claims.name && claims.name !== existing.name) patch.name = claims.name;
    if (claims.email && claims.email !== existing.email) patch.email = claims.email;
    return Object.keys(patch).length > 0 ? stores.customers.update(existing.id, patch) : existing;
  }

  return {
    async identify(claims, anonymousCustomerId) {
      const customer = await profileOf(claims);
      if (anonymousCustomerId === undefined || anonymousCustomerId === customer.id) return { customer, merged: 0 };
      // Only an anonymous visitor is folded in: another signed-in user's history never moves.
      const anonymous = await stores.customers.get(anonymousCustomerId);
      if (!anonymous || anonymous.externalId !== null) return { customer, merged: 0 };
      return { customer, merged: await stores.conversations.reassignCustomer(anonymous.id, customer.id) };
    },
  };
}
