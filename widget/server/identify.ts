import { businessExternalId, hmacHex, newToken, ParleyError, safeEqual, type Customer, type Stores, type WidgetAuth } from '../../core/index.js';
import type { WidgetLogger } from './types.js';

export interface ResolvedVisitor {
  customer: Customer;
  visitorToken: string;
}

type Identity = NonNullable<WidgetAuth['identity']>;

/** identity.hmac must be hex HMAC-SHA256(userId, IDENTITY_SECRET); no secret configured means no identity accepted. */
export function verifyIdentity(identity: Identity, secret: string | undefined): void {
  if (!secret) throw new ParleyError('ERR_AUTH_IDENTITY', { reason: 'identity is not enabled on this server' });
  const expected = hmacHex(secret, identity.userId);
  if (!safeEqual(expected, identity.hmac.toLowerCase())) throw new ParleyError('ERR_AUTH_IDENTITY');
}

/**
 * Who is connecting: a verified identity wins over the visitor token (and adopts
 * the anonymous visitor's conversations), a known token resumes its customer,
 * anything else becomes a new anonymous customer with a fresh token.
 */
export async function resolveVisitor(
  stores: Stores,
  auth: WidgetAuth,
  identitySecret: string | undefined,
  logger?: WidgetLogger,
): Promise<ResolvedVisitor> {
  const byToken = auth.visitorToken ? await stores.customers.findByVisitorToken(auth.visitorToken) : null;

  if (auth.identity) {
    verifyIdentity(auth.identity, identitySecret);
    const customer = await identifiedCustomer(stores, auth.identity);
    if (byToken && byToken.id !== customer.id && byToken.externalId === null) {
      const moved = await stores.conversations.reassignCustomer(byToken.id, customer.id);
      logger?.debug({ from: byToken.id, to: customer.id, moved }, 'widget: anonymous visitor identified');
    }
    return ensureToken(stores, customer);
  }

  if (byToken) return { customer: byToken, visitorToken: auth.visitorToken as string };
  const visitorToken = newToken();
  const customer = await stores.customers.create({ visitorToken });
  return { customer, visitorToken };
}

async function identifiedCustomer(stores: Stores, identity: Identity): Promise<Customer> {
  // The same key the shop's orders use (core businessExternalId): one profile for chats and purchases.
  const externalId = businessExternalId(identity.userId);
  const existing = await stores.customers.findByExternalId(externalId);
  if (!existing) {
    return stores.customers.create({
      externalId,
      visitorToken: newToken(),
      name: identity.name ?? null,
      email: identity.email ?? null,
    });
  }
  // The host site is the source of truth for name and email of its signed-in users.
  const patch: { name?: string; email?: string } = {};
  if (identity.name && identity.name !== existing.name) patch.name = identity.name;
  if (identity.email && identity.email !== existing.email) patch.email = identity.email;
  return Object.keys(patch).length > 0 ? stores.customers.update(existing.id, patch) : existing;
}

async function ensureToken(stores: Stores, customer: Customer): Promise<ResolvedVisitor> {
  if (customer.visitorToken) return { customer, visitorToken: customer.visitorToken };
  const visitorToken = newToken();
  const updated = await stores.customers.update(customer.id, { visitorToken });
  return { customer: updated, visitorToken };
}
