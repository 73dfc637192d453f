import { createHash } from 'node:crypto';
import { emptyProfileStats, type Customer, type FieldCipher, type NewCustomer } from '../../core/index.js';

/** Lookup key for a secret visitor token: the token itself is only stored sealed. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function seal(cipher: FieldCipher, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : cipher.encrypt(value);
}

export function unseal(cipher: FieldCipher, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : cipher.decrypt(value);
}

/** The plain Customer a create() produces, before the adapter seals and stores it. */
export function buildCustomer(id: string, input: NewCustomer, at: string): Customer {
  return {
    id,
    visitorToken: input.visitorToken ?? null,
    externalId: input.externalId ?? null,
    name: input.name ?? null,
    email: input.email ?? null,
    attributes: { ...(input.attributes ?? {}) },
    stats: emptyProfileStats(),
    createdAt: at,
    lastSeenAt: at,
  };
}
