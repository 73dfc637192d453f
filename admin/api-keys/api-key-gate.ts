import type { RequestHandler, Response } from 'express';
import { match } from 'path-to-regexp';
import { API_KEY_ROUTES, drainPages, LEGACY_WEBHOOK_KEY_SCOPES, ParleyError, safeEqual, type ApiKeyScope, type ApiKeyStore, type AuditLog, type ScopedRoute } from '../../core/index.js';
import type { AdminLogger, StaffIdentity } from '../deps.js';
import { hashKey, KEY_PATTERN } from './key-material.js';

/** What the gate attaches once a key was accepted for this exact route. */
export interface ApiKeyGrant {
  keyId: string;
  scope: ApiKeyScope;
  route: ScopedRoute;
}

export interface ApiKeyGate {
  /** Authenticates a request that carries `X-Api-Key`; passes requests without one on to the staff guards. */
  gate: RequestHandler;
  /** The same, but a key is required (the webhook channel has no staff path). */
  requireKey: RequestHandler;
  /** Whether any key (WEBHOOK_API_KEY or an unrevoked stored key) carries this scope right now. */
  openFor(scope: ApiKeyScope): Promise<boolean>;
}

export interface ApiKeyGateDeps {
  keys: ApiKeyStore;
  audit: AuditLog;
  /** WEBHOOK_API_KEY: accepted as a key with the scopes it opened before scoped keys existed. */
  legacyKey?: string;
  routes?: readonly ScopedRoute[];
  logger?: AdminLogger;
}

export const LEGACY_KEY_ID = 'webhook-api-key';
// Keys belong in a header: in a URL they end up in proxy logs, browser history and Referer headers.
const QUERY_KEY = /^(x[-_]?)?(api[-_]?)?key$/i;

export const grantOf = (res: Response): ApiKeyGrant | undefined => res.locals.apiKey as ApiKeyGrant | undefined;

export function createApiKeyGate(deps: ApiKeyGateDeps): ApiKeyGate {
  const routes = (deps.routes ?? API_KEY_ROUTES).map((r) => ({ ...r, test: match(r.path, { sensitive: false, end: true, trailing: true, decode: false }) }));
  const legacyHash = deps.legacyKey ? hashKey(deps.legacyKey) : null;
  const refuse = (reason: string) => new ParleyError('ERR_WEBHOOK_KEY', { reason });

  async function identify(key: string): Promise<{ id: string; name: string; scopes: readonly ApiKeyScope[] }> {
    const hash = hashKey(key);
    // Hashes compared, so the comparison is constant-time whatever the key length.
    if (legacyHash && safeEqual(hash, legacyHash)) return { id: LEGACY_KEY_ID, name: 'WEBHOOK_API_KEY', scopes: LEGACY_WEBHOOK_KEY_SCOPES };
    if (!KEY_PATTERN.test(key)) throw refuse('malformed');
    const stored = await deps.keys.findByHash(hash);
    if (!stored) throw refuse('unknown');
    if (stored.revokedAt) throw refuse('revoked');
    return stored;
  }

  const record = (keyId: string, action: string, details: Record<string, unknown>) =>
    deps.audit.record({ actor: { id: `apikey:${keyId}` }, action, target: keyId, details }).catch((err: unknown) => deps.logger?.error({ err, keyId }, 'audit write failed'));

  const gate: RequestHandler = async (req, res, next) => {
    if (Object.keys(req.query).some((k) => QUERY_KEY.test(k))) throw refuse('query');
    const key = req.get('x-api-key');
    if (key === undefined) return next();
    const found = await identify(key);
    const method = req.method.toLowerCase();
    const route = routes.find((r) => r.method === method && r.test(req.path) !== false);
    const call = { method: req.method, path: req.path };
    if (!route || !found.scopes.includes(route.scope)) {
      await record(found.id, 'api-key.refused', { ...call, required: route?.scope ?? null });
      throw new ParleyError('ERR_AUTH_FORBIDDEN', { required: route?.scope ?? 'a staff token' });
    }
    const grant: ApiKeyGrant = { keyId: found.id, scope: route.scope, route: { method: route.method, path: route.path, scope: route.scope } };
    const identity: StaffIdentity = { id: `apikey:${found.id}`, email: `${found.id}@api-key`, name: found.name, role: 'admin' };
    res.locals.apiKey = grant;
    res.locals.staff = identity;
    await record(found.id, 'api-key.use', { ...call, scope: route.scope });
    if (found.id !== LEGACY_KEY_ID) await deps.keys.touch(found.id, new Date().toISOString()).catch(() => undefined);
    next();
  };

  const requireKey: RequestHandler = async (req, res, next) => {
    if (req.get('x-api-key') === undefined && !Object.keys(req.query).some((k) => QUERY_KEY.test(k))) throw refuse('missing');
    await gate(req, res, next);
  };
  const openFor = async (scope: ApiKeyScope): Promise<boolean> =>
    (legacyHash !== null && LEGACY_WEBHOOK_KEY_SCOPES.includes(scope)) ||
    (await drainPages((page) => deps.keys.list(page))).some((k) => !k.revokedAt && k.scopes.includes(scope));
  return { gate, requireKey, openFor };
}
