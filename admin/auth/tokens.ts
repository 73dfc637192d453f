import { SignJWT, jwtVerify } from 'jose';
import { ParleyError, roleSchema, type PublicStaffUser } from '../../core/index.js';
import type { StaffIdentity } from '../deps.js';

const ISSUER = 'parley';
const AUDIENCE = 'parley-staff';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Short-lived HS256 access token carrying who the staff member is; sent as a Bearer header, never a cookie. */
export async function signAccessToken(user: PublicStaffUser, secret: string, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ role: user.role, name: user.name, email: user.email })
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
}

/** Any failure (expired, forged, wrong algorithm, malformed claims) is ERR_AUTH_INVALID. */
export async function verifyAccessToken(token: string, secret: string): Promise<VerifiedToken> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    const role = roleSchema.safeParse(payload.role);
    if (!payload.sub || !role.success || typeof payload.exp !== 'number') throw new Error('claims');
    return {
      id: payload.sub,
      role: role.data,
      name: typeof payload.name === 'string' ? payload.name : '',
      email: typeof payload.email === 'string' ? payload.email : '',
      exp: payload.exp,
    };
  } catch {
    throw new ParleyError('ERR_AUTH_INVALID');
  }
}
