import { randomBytes } from 'node:crypto';
import { ParleyError, parseOrThrow, toPublicUser, userCreateSchema, type PublicStaffUser, type UserStore } from '../../core/index.js';
import { silentLogger, type AdminLogger } from '../deps.js';
import { hashPassword } from './passwords.js';

/** Validates (userCreateSchema), hashes and stores a staff user; used by the API and the user:create CLI. */
export async function createStaffUser(users: UserStore, input: unknown): Promise<PublicStaffUser> {
  const data = parseOrThrow(userCreateSchema, input);
  if (await users.findByEmail(data.email)) throw new ParleyError('ERR_USER_DUPLICATE', { email: data.email });
  const user = await users.create({ email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) });
  return toPublicUser(user);
}

export interface FirstAdminResult {
  created: boolean;
  user?: PublicStaffUser;
  /** Only when the password was generated (development): shown once in the log. */
  generatedPassword?: string;
}

/**
 * First boot: creates the configured admin when no admin exists. Config already refuses a
 * missing ADMIN_PASSWORD in production, so a generated one only ever happens in development.
 */
export async function ensureFirstAdmin(
  users: UserStore,
  admin?: { email: string; password?: string },
  logger: AdminLogger = silentLogger,
): Promise<FirstAdminResult> {
  if (!admin) return { created: false };
  if ((await users.countByRole('admin')) > 0) return { created: false };
  const generated = admin.password ? undefined : randomBytes(12).toString('base64url');
  const password = admin.password ?? generated!;
  const existing = await users.findByEmail(admin.email.toLowerCase());
  if (existing) {
    // The configured email exists as an agent: promote it rather than fail boot.
    const user = await users.update(existing.id, { role: 'admin', passwordHash: await hashPassword(password) });
    logger.warn({ userId: user.id }, 'first admin: promoted the existing account to admin');
    if (generated) logger.warn({ adminEmail: user.email, generatedPassword: generated }, generatedMessage(user.email, generated));
    return { created: true, user: toPublicUser(user), generatedPassword: generated };
  }
  const user = await createStaffUser(users, { email: admin.email, name: 'Administrator', role: 'admin', password });
  logger.info({ userId: user.id }, 'first admin created');
  if (generated) logger.warn({ adminEmail: user.email, generatedPassword: generated }, generatedMessage(user.email, generated));
  return { created: true, user, generatedPassword: generated };
}

/** Readable in a terminal full of JSON lines: the one place a developer learns how to sign in. */
function generatedMessage(email: string, password: string): string {
  return `first admin created (development only): sign in to /console/ as ${email} with password ${password}, then change it`;
}
