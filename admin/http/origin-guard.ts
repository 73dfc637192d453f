import type { RequestHandler } from 'express';
import { ParleyError } from '../../core/index.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Staff tokens travel in the Authorization header, so a foreign page cannot ride a
 * session the way classic CSRF does. Refusing state changes from foreign origins is
 * defence in depth (a leaked token pasted into another site, a misconfigured proxy).
 * Same origin always passes; `allowedOrigins` adds more (`*` allows any).
 * No Origin header (curl, server-to-server, the CLI) passes: browsers always send it on cross-origin writes.
 */
export function originGuard(allowedOrigins: string[] | null): RequestHandler {
  const ok = originAllowed(allowedOrigins);
  return (req, _res, next) => {
    const origin = req.get('origin');
    if (SAFE.has(req.method) || !origin) return next();
    if (ok(origin, `${req.protocol}://${req.get('host') ?? ''}`)) return next();
    next(new ParleyError('ERR_ORIGIN_FORBIDDEN', { origin }));
  };
}

/** Same origin, or listed (`*` = any). Shared by the REST guard and the /agent handshake. */
export function originAllowed(allowedOrigins: string[] | null): (origin: string, self: string) => boolean {
  const allowed = new Set((allowedOrigins ?? []).map((o) => o.replace(/\/+$/, '').toLowerCase()));
  return (origin, self) => {
    const o = origin.toLowerCase();
    return o === self.toLowerCase() || allowed.has('*') || allowed.has(o);
  };
}
