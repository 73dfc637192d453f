import { isParleyError } from '../../core/index.js';
import type { Customer, Stores } from '../../core/index.js';

/**
 * The customer behind a channel-scoped id (`webhook:<userId>`, `botframework:<channel>:<id>`).
 * Two first messages racing both try to create; the unique externalId lets one win and the other re-read.
 */
export async function customerForExternalId(stores: Stores, externalId: string, name?: string): Promise<Customer> {
  const existing = await stores.customers.findByExternalId(externalId);
  if (existing) return existing;
  try {
    return await stores.customers.create({ externalId, ...(name ? { name } : {}) });
  } catch (err) {
    if (!isParleyError(err) || err.code !== 'ERR_STORE_CONFLICT') throw err;
    const winner = await stores.customers.findByExternalId(externalId);
    if (!winner) throw err;
    return winner;
  }
}
