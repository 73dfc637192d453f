import { businessExternalId, type CustomerStore } from '../../core/index.js';

/**
 * Imports name customers by our id or by the integrator's user id. External ids are
 * channel-scoped (`identity:<userId>`), so a bare user id is tried with that prefix too.
 */
export async function resolveCustomerId(
  customers: CustomerStore,
  ref: { customerId?: string; externalId?: string },
): Promise<string | null> {
  if (ref.customerId) return (await customers.get(ref.customerId))?.id ?? null;
  if (!ref.externalId) return null;
  const direct = await customers.findByExternalId(ref.externalId);
  if (direct) return direct.id;
  if (ref.externalId.includes(':')) return null;
  return (await customers.findByExternalId(businessExternalId(ref.externalId)))?.id ?? null;
}
