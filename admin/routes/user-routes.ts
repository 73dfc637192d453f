import { Router } from 'express';
import { ParleyError, parseOrThrow, toPublicUser, userUpdateSchema, type StaffUserPatch, type UserStore } from '../../core/index.js';
import { hashPassword } from '../auth/passwords.js';
import { staffOf } from '../auth/require-role.js';
import { createStaffUser } from '../auth/staff-users.js';
import type { Auditor } from '../http/audit.js';
import { pageOf } from '../http/paging.js';

/** /api/users (admin only: the router mounts requireRole('admin') in front). */
export function userRoutes(deps: { users: UserStore; audit: Auditor }): Router {
  const { users, audit } = deps;
  const r = Router();

  r.get('/api/users', async (req, res) => {
    const page = await users.list(pageOf(req));
    res.json({ items: page.items.map(toPublicUser), nextCursor: page.nextCursor });
  });

  r.post('/api/users', async (req, res) => {
    const user = await createStaffUser(users, req.body);
    await audit(staffOf(res), 'user.create', user.id, { email: user.email, role: user.role });
    res.status(201).json(user);
  });

  r.get('/api/users/:id', async (req, res) => {
    const user = await users.get(req.params.id);
    if (!user) throw new ParleyError('ERR_USER_NOT_FOUND', { id: req.params.id });
    res.json(toPublicUser(user));
  });

  r.put('/api/users/:id', async (req, res) => {
    const input = parseOrThrow(userUpdateSchema, req.body);
    const current = await users.get(req.params.id);
    if (!current) throw new ParleyError('ERR_USER_NOT_FOUND', { id: req.params.id });
    if (current.role === 'admin' && input.role === 'agent' && (await users.countByRole('admin')) <= 1) {
      throw new ParleyError('ERR_USER_LAST_ADMIN');
    }
    if (input.email && input.email !== current.email) {
      const other = await users.findByEmail(input.email);
      if (other && other.id !== current.id) throw new ParleyError('ERR_USER_DUPLICATE', { email: input.email });
    }
    const patch: StaffUserPatch = { email: input.email, name: input.name, role: input.role };
    if (input.password) patch.passwordHash = await hashPassword(input.password);
    for (const k of Object.keys(patch) as (keyof StaffUserPatch)[]) if (patch[k] === undefined) delete patch[k];
    const user = await users.update(current.id, patch);
    const changed = Object.keys(patch).map((k) => (k === 'passwordHash' ? 'password' : k));
    await audit(staffOf(res), 'user.update', user.id, { changed });
    res.json(toPublicUser(user));
  });

  r.delete('/api/users/:id', async (req, res) => {
    const current = await users.get(req.params.id);
    if (!current) throw new ParleyError('ERR_USER_NOT_FOUND', { id: req.params.id });
    if (current.role === 'admin' && (await users.countByRole('admin')) <= 1) throw new ParleyError('ERR_USER_LAST_ADMIN');
    await users.delete(current.id);
    await audit(staffOf(res), 'user.delete', current.id, { email: current.email });
    res.status(204).end();
  });
  return r;
}
