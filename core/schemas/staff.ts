import { z } from 'zod';
import { isoDateSchema } from './common.js';

export const roleSchema = z.enum(['admin', 'agent']);
export type Role = z.infer<typeof roleSchema>;

/** Stored staff user; `passwordHash` never leaves the admin module. */
export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  passwordHash: z.string(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type StaffUser = z.infer<typeof staffUserSchema>;
export type PublicStaffUser = Omit<StaffUser, 'passwordHash' | 'createdAt' | 'updatedAt'>;
export type NewStaffUser = Pick<StaffUser, 'email' | 'name' | 'role' | 'passwordHash'>;
export type StaffUserPatch = Partial<NewStaffUser>;

export function toPublicUser(u: StaffUser): PublicStaffUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export const auditEventSchema = z.object({
  id: z.string(),
  actor: z.object({ id: z.string(), email: z.string().optional(), role: roleSchema.optional() }),
  /** Dotted verb: `faq.update`, `intent.delete`, `nlu.train`, `customer.erase`, `conversation.claim`... */
  action: z.string(),
  target: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  at: isoDateSchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'> & { at?: string };
