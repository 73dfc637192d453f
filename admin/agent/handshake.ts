import type { Socket } from 'socket.io';
import { ParleyError, agentAuthSchema } from '../../core/index.js';
import type { StaffIdentity } from '../deps.js';
import { currentStaff, verifyAccessToken } from '../auth/tokens.js';
import { originAllowed } from '../http/origin-guard.js';
import type { AgentNamespaceDeps } from './namespace.js';

/** What a connected agent socket carries: who it is and when its token expires. */
export interface AgentData {
  staff: StaffIdentity;
  exp: number;
  /** The token's credential stamp: each privileged event re-checks it against the stored user. */
  stamp: string;
}

function refuse(code: 'ERR_AUTH_INVALID' | 'ERR_VALIDATION' | 'ERR_ORIGIN_FORBIDDEN', issues?: { path: string; message: string }[]): Error & { data: unknown } {
  // PROTOCOL: err.data is the common error shape, `{ error: { code, message, details? } }`.
  const body = new ParleyError(code, issues ? { issues } : undefined).toBody();
  return Object.assign(new Error(code), { data: { error: body } });
}

/** The /agent handshake: origin (when configured), then a valid access token of an existing staff member. */
export function agentHandshake(deps: Pick<AgentNamespaceDeps, 'allowedOrigins' | 'jwtSecret' | 'stores'>) {
  const { stores } = deps;
  const originOk = deps.allowedOrigins !== undefined ? originAllowed(deps.allowedOrigins) : null;
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const origin = socket.handshake.headers.origin;
    if (originOk && origin) {
      const proto = socket.handshake.secure ? 'https' : 'http';
      const forwarded = socket.handshake.headers['x-forwarded-proto'];
      const scheme = typeof forwarded === 'string' && forwarded ? forwarded.split(',')[0]!.trim() : proto;
      if (!originOk(origin, `${scheme}://${socket.handshake.headers.host ?? ''}`)) return next(refuse('ERR_ORIGIN_FORBIDDEN'));
    }
    const auth = agentAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) {
      const raw = socket.handshake.auth as Record<string, unknown> | undefined;
      // Unknown keys are a malformed handshake; a missing or bad token is an auth failure.
      const unknownKeys = raw && Object.keys(raw).some((k) => k !== 'token');
      return next(unknownKeys ? refuse('ERR_VALIDATION', [{ path: '(auth)', message: 'Only token is allowed' }]) : refuse('ERR_AUTH_INVALID'));
    }
    try {
      const claims = await verifyAccessToken(auth.data.token, deps.jwtSecret);
      const user = await currentStaff(stores.users, claims, deps.jwtSecret);
      const data: AgentData = { staff: { id: user.id, email: user.email, name: user.name, role: user.role }, exp: claims.exp, stamp: claims.stamp };
      socket.data = data;
      next();
    } catch {
      next(refuse('ERR_AUTH_INVALID'));
    }
  };
}
