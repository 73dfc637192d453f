import type { RequestHandler, Response } from 'express';
import { ParleyError, type Role, type UserStore } from '../../core/index.js';
import type { StaffIdentity } from '../deps.js';
import { currentStaff, verifyAccessToken } from './tokens.js';

/** admin can do everything an agent can. */
const allowed: Record<Role, Role[]> = { agent: ['agent', 'admin'], admin: ['admin'] };

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? '';
}

/**
 * Verifies the Bearer token, then re-reads the user so a deleted, demoted or re-passworded
 * account loses access at once instead of when its token expires.
 */
export function requireRole(role: Role, deps: { users: UserStore; jwtSecret: string }): RequestHandler {
  return async (req, res, next) => {
    // The API key gate (admin/api-keys) let an integration key through for this exact route and scope.
    if (res.locals.apiKey) return next();
    const token = bearerToken(req.get('authorization'));
    if (token === null) throw new ParleyError('ERR_AUTH_REQUIRED');
    if (token === '') throw new ParleyError('ERR_AUTH_INVALID');
    const claims = await verifyAccessToken(token, deps.jwtSecret);
    const user = await currentStaff(deps.users, claims, deps.jwtSecret);
    if (!allowed[role].includes(user.role)) throw new ParleyError('ERR_AUTH_FORBIDDEN', { required: role });
    const staff: StaffIdentity = { id: user.id, email: user.email, name: user.name, role: user.role };
    res.locals.staff = staff;
    next();
  };
}

/** The identity requireRole attached; routes behind requireRole always have one. */
export function staffOf(res: Response): StaffIdentity {
  const staff = res.locals.staff as StaffIdentity | undefined;
  if (!staff) throw new ParleyError('ERR_AUTH_REQUIRED');
  return staff;
}
