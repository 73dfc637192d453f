import { parseArgs } from 'node:util';
import type { PublicStaffUser, UserStore } from '../../core/index.js';
import { createStaffUser } from '../auth/staff-users.js';

/**
 * `npm run user:create -- --email a@b.c --name Ann --role admin --password '...'`.
 * The entry file (app/cli/user-create.ts) opens the configured stores and calls this,
 * so admin/ never picks a storage backend. Validation is the API's (userCreateSchema).
 */
export async function runUserCreate(argv: string[], users: UserStore): Promise<PublicStaffUser> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'agent' }, password: { type: 'string' } },
    strict: true,
  });
  return createStaffUser(users, { email: values.email, name: values.name ?? values.email?.split('@')[0], role: values.role, password: values.password });
}
