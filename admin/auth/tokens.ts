import { SignJWT, jwtVerify } from 'jose';
import { hmacHex, ParleyError, roleSchema, safeEqual, type StaffUser, type UserStore } from '../../core/index.js';
import type { StaffIdentity } from '../deps.js';

const ISSUER = 'parley';
const AUDIENCE = 'parley-staff';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * Binds a token to the password it was issued under (as Django's session auth hash does): a password change gives
 * the user a new hash, so every older token stops verifying at once. Keyed by the JWT secret, so the claim tells a
 * reader nothing about the hash.
 */
export function credentialStamp(user: Pick<StaffUser, 'id' | 'passwordHash'>, secret: string): string {
  return hmacHex(secret, `stamp:${user.id}:${user.passwordHash}`).slice(0, 32);
}

/** Short-lived HS256 access token carrying who the staff member is; sent as a Bearer header, never a cookie. */
export async function signAccessToken(user: StaffUser, secret: string, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ role: user.role, name: user.name, email: user.email, stamp: credentialStamp(user, secret) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key(secret));
}

export interface VerifiedToken extends StaffIdentity {
  /** Expiry, seconds since epoch. */
  exp: number;
  /** credentialStamp at issue time. */
  stamp: string;
}

/** Any failure (expired, forged, wrong algorithm, malformed claims) is ERR_AUTH_INVALID. */
export async function verifyAccessToken(token: string, secret: string): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const role = roleSchema.safeParse(payload.role);
    if (!payload.sub || !role.success || typeof payload.exp !== 'number' || typeof payload.stamp !== 'string') throw new Error('claims');
    return {
      id: payload.sub,
      role: role.data,
      name: typeof payload.name === 'string' ? payload.name : '',
      email: typeof payload.email === 'string' ? payload.email : '',
      exp: payload.exp,
      stamp: payload.stamp,
    };
  } catch {
    throw new ParleyError('ERR_AUTH_INVALID');
  }
}

/**
 * Who the token's holder is *now*: the stored user (deleted -> ERR_AUTH_INVALID), with the current role and name,
 * as long as the password is still the one the token was issued under. REST calls, the /agent handshake and every
 * privileged socket event go through this, so removal, demotion and password changes act at once on every node.
 */
export async function currentStaff(users: UserStore, claims: Pick<VerifiedToken, 'id' | 'stamp'>, secret: string): Promise<StaffUser> {
  const user = await users.get(claims.id);
  if (!user || !safeEqual(credentialStamp(user, secret), claims.stamp)) throw new ParleyError('ERR_AUTH_INVALID');
  return user;
}
