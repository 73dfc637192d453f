import { Router } from 'express';
import { API_KEY_SCOPES, ParleyError, apiKeyCreateSchema, parseOrThrow, type ApiKeyStore } from '../../core/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import { pageOf } from '../http/paging.js';
import { mintKey } from './key-material.js';

/** /api/api-keys (admin only: the router's admin prefix guard is in front; keys themselves cannot reach it). */
export function apiKeyRoutes(deps: { keys: ApiKeyStore; audit: Auditor }): Router {
  const r = Router();

  r.get('/api/api-keys', async (req, res) => {
    // knownScopes: the console offers exactly what the server accepts.
    res.json({ ...(await deps.keys.list(pageOf(req))), knownScopes: API_KEY_SCOPES });
  });

  r.post('/api/api-keys', async (req, res) => {
    // The schema knows the four scopes and nothing else: an admin cannot mint a key with more.
    const input = parseOrThrow(apiKeyCreateSchema, req.body);
    const actor = staffOf(res);
    const { key, hash, prefix } = mintKey();
    const stored = await deps.keys.create({ name: input.name, scopes: [...new Set(input.scopes)], prefix, hash, createdBy: actor.id });
    await deps.audit(actor, 'api-key.create', stored.id, { name: stored.name, scopes: stored.scopes });
    // The only time the key is ever shown: only its hash is kept.
    res.status(201).json({ ...stored, key });
  });

  r.delete('/api/api-keys/:id', async (req, res) => {
    const revoked = await deps.keys.revoke(req.params.id);
    if (!revoked) throw new ParleyError('ERR_API_KEY_NOT_FOUND', { id: req.params.id });
    await deps.audit(staffOf(res), 'api-key.revoke', revoked.id, { name: revoked.name });
    res.status(204).end();
  });
  return r;
}
