import { businessExternalId, ParleyError, type Customer, type CustomerStore } from '../../core/index.js';

/** Cached business ids per resolver; cleared when full so a 1M-line import never grows it without bound. */
const CACHE_MAX = 200_000;

/**
 * Finds or creates customers by the business's own customer id (the canonical rule is
 * `businessExternalId` in core: the same key the signed-in widget identity uses).
 */
export function businessCustomers(customers: CustomerStore) {
  const cache = new Map<string, string>();

  async function findOrCreate(id: string): Promise<{ customer: Customer; created: boolean }> {
    const externalId = businessExternalId(id);
    const known = await customers.findByExternalId(externalId);
    if (known) return { customer: known, created: false };
    try {
      return { customer: await customers.create({ externalId }), created: true };
    } catch (err) {
      // Created concurrently (a widget sign-in or another import): the other writer's record wins.
      if ((err as ParleyError).code !== 'ERR_STORE_CONFLICT') throw err;
      const raced = await customers.findByExternalId(externalId);
      if (!raced) throw err;
      return { customer: raced, created: false };
    }
  }

  return {
    findOrCreate,
    findExisting: (id: string): Promise<Customer | null> => customers.findByExternalId(businessExternalId(id)),
    /**
     * Our customer ids for a batch of business ids. Unknown ones are created together, so on the
     * embedded store they share one commit.
     */
    async resolveMany(ids: Iterable<string>): Promise<{ ids: Map<string, string>; created: number }> {
      const out = new Map<string, string>();
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const hit = cache.get(id);
        if (hit) out.set(id, hit);
        else missing.push(id);
      }
      const found = await Promise.all(missing.map(findOrCreate));
      let created = 0;
      if (cache.size + missing.length > CACHE_MAX) cache.clear();
      missing.forEach((id, i) => {
        const r = found[i]!;
        out.set(id, r.customer.id);
        cache.set(id, r.customer.id);
        if (r.created) created++;
      });
      return { ids: out, created };
    },
  };
}

/**
 * Customers an `externalId` query names: the business's customer id (canonical rule), or a stored
 * external id as it is (`identity:u1`, `webhook:u1`).
 */
export async function findByExternalId(customers: CustomerStore, query: string): Promise<Customer[]> {
  const keys = [...new Set([businessExternalId(query), query])];
  const found = await Promise.all(keys.map((k) => customers.findByExternalId(k)));
  const unique = new Map(found.filter((c): c is Customer => c !== null).map((c) => [c.id, c]));
  return [...unique.values()];
}
