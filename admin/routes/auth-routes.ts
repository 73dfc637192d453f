import { Router } from 'express';
import { ParleyError, loginSchema, parseOrThrow, toPublicUser, type UserStore } from '../../core/index.js';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords.js';
import { requireRole, staffOf } from '../auth/require-role.js';
import { signAccessToken } from '../auth/tokens.js';
import type { LoginLimiter } from '../auth/login-limiter.js';

/** POST /api/auth/login, plus GET /api/auth/me and POST /api/auth/refresh (additions the console uses). */
export function authRoutes(deps: { users: UserStore; jwtSecret: string; limiter: LoginLimiter }): Router {
  const r = Router();
  r.post('/api/auth/login', async (req, res) => {
    const { email, password } = parseOrThrow(loginSchema, req.body);
    const ip = req.ip ?? 'unknown';
    await deps.limiter.before(ip, email);
    const user = await deps.users.findByEmail(email);
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    if (!user || !ok) {
      await deps.limiter.failed(ip, email);
      throw new ParleyError('ERR_AUTH_INVALID');
    }
    await deps.limiter.succeeded(ip, email);
    const pub = toPublicUser(user);
    res.json({ token: await signAccessToken(user, deps.jwtSecret), user: pub });
  });

  const staff = requireRole('agent', deps);
  r.get('/api/auth/me', staff, (_req, res) => {
    res.json({ user: staffOf(res) });
  });
  // A still-valid token buys a fresh one, so an open console does not log out every 15 minutes.
  r.post('/api/auth/refresh', staff, async (_req, res) => {
    const user = await deps.users.get(staffOf(res).id);
    if (!user) throw new ParleyError('ERR_AUTH_INVALID');
    res.json({ token: await signAccessToken(user, deps.jwtSecret), user: toPublicUser(user) });
  });
  return r;
}
