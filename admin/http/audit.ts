import type { AuditLog } from '../../core/index.js';
import type { AdminLogger, StaffIdentity } from '../deps.js';

export type Auditor = (actor: StaffIdentity, action: string, target?: string, details?: Record<string, unknown>) => Promise<void>;

/**
 * Records who did what. A failed audit write is logged, not thrown: the change
 * itself already happened and the caller must still learn its outcome.
 */
export function createAuditor(audit: AuditLog, logger: AdminLogger): Auditor {
  return async (actor, action, target, details) => {
    try {
      await audit.record({ actor: { id: actor.id, email: actor.email, role: actor.role }, action, target, details });
    } catch (err) {
      logger.error({ err, action, target }, 'audit write failed');
    }
  };
}
