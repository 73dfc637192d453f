import type { Customer } from '../schemas/customer.js';

/** What a host site vouches for about its signed-in user (only signed claims are passed on). */
export interface IdentityClaims {
  userId: string;
  email?: string;
  name?: string;
}

/** Identify/merge, owned by crm's customer service (with export and erase): channels authenticate, crm decides. */
export interface CustomerIdentity {
  /**
   * The profile of a signed-in user, created or updated from the claims; an anonymous customer's conversations (and
   * their interactions) move to it, so one person has one profile.
   */
  identify(claims: IdentityClaims, anonymousCustomerId?: string): Promise<{ customer: Customer; merged: number }>;
}
