import { hmacHex, identityClaimsPayload, newId, newToken, ParleyError, safeEqual, type Customer, type CustomerIdentity, type Stores, type WidgetAuth } from '../../core/index.js';
import type { WidgetLogger } from './types.js';

export interface ResolvedVisitor {
  customerId: string;
  visitorToken: string;
  /** An anonymous visitor not stored yet: the customer record is written at its first message or escalation. */
  pending: boolean;
}

/**
 * Anonymous visitors cost nothing until they write: the handshake hands out a customer id and a token that carries
 * it, signed with a server key (`p.<id>.<mac>`). Another tab or a reconnect presenting that token gets the same id
 * without any lookup or write; the first message stores the customer under that id with that token.
 */
export function pendingToken(customerId: string, key: string): string {
  return `p.${customerId}.${hmacHex(key, `visitor:${customerId}`)}`;
}

function pendingIdOf(token: string, key: string): string | null {
  const m = /^p\.([0-9A-Za-z]{8,64})\.([0-9a-f]{64})$/.exec(token);
  if (!m) return null;
  return safeEqual(pendingToken(m[1]!, key), token) ? m[1]! : null;
}

type Identity = NonNullable<WidgetAuth['identity']>;

const HEX_HMAC = /^[0-9a-f]{64}$/i;

/**
 * identity.hmac is hex HMAC-SHA256 with IDENTITY_SECRET of either `userId` alone (identifies; email and name are then
 * unsigned and ignored) or of identityClaimsPayload (userId, email, name: all three vouched for by the host).
 * No secret configured, a malformed or a wrong hmac: ERR_AUTH_IDENTITY. Returns whether the profile claims are signed.
 */
export function verifyIdentity(identity: Identity, secret: string | undefined): { claimsSigned: boolean } {
  if (!secret) throw new ParleyError('ERR_AUTH_IDENTITY', { reason: 'identity is not enabled on this server' });
  if (!HEX_HMAC.test(identity.hmac)) throw new ParleyError('ERR_AUTH_IDENTITY', { reason: 'hmac must be 64 hex digits' });
  const given = identity.hmac.toLowerCase();
  if ((identity.email !== undefined || identity.name !== undefined) && safeEqual(hmacHex(secret, identityClaimsPayload(identity)), given)) {
    return { claimsSigned: true };
  }
  if (safeEqual(hmacHex(secret, identity.userId), given)) return { claimsSigned: false };
  throw new ParleyError('ERR_AUTH_IDENTITY');
}

/**
 * Who is connecting: a verified identity wins over the visitor token (and adopts
 * the anonymous visitor's conversations), a known token resumes its customer,
 * anything else becomes a new anonymous customer with a fresh token.
 */
export async function resolveVisitor(
  stores: Stores,
  customers: CustomerIdentity,
  auth: WidgetAuth,
  keys: { identitySecret: string | undefined; visitorTokenKey: string },
  logger?: WidgetLogger,
): Promise<ResolvedVisitor> {
  const { identitySecret } = keys;
  const byToken = auth.visitorToken ? await stores.customers.findByVisitorToken(auth.visitorToken) : null;

  if (auth.identity) {
    const { claimsSigned } = verifyIdentity(auth.identity, identitySecret);
    // Unsigned email and name could be anyone's words: only claims the host signed reach the profile.
    const { userId, email, name } = auth.identity;
    const claims = claimsSigned ? { userId, ...(email ? { email } : {}), ...(name ? { name } : {}) } : { userId };
    // Identify/merge belongs to crm's customer service; the widget only authenticates.
    const { customer, merged } = await customers.identify(claims, byToken?.id);
    if (merged > 0) logger?.debug?.({ from: byToken?.id, to: customer.id, moved: merged }, 'widget: anonymous visitor identified');
    return ensureToken(stores, customer);
  }

  if (byToken) return { customerId: byToken.id, visitorToken: auth.visitorToken as string, pending: false };
  const pendingId = auth.visitorToken ? pendingIdOf(auth.visitorToken, keys.visitorTokenKey) : null;
  if (pendingId) return { customerId: pendingId, visitorToken: auth.visitorToken as string, pending: true };
  const customerId = newId();
  return { customerId, visitorToken: pendingToken(customerId, keys.visitorTokenKey), pending: true };
}

async function ensureToken(stores: Stores, customer: Customer): Promise<ResolvedVisitor> {
  if (customer.visitorToken) return { customerId: customer.id, visitorToken: customer.visitorToken, pending: false };
  const visitorToken = newToken();
  await stores.customers.update(customer.id, { visitorToken });
  return { customerId: customer.id, visitorToken, pending: false };
}
