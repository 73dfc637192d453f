import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { verifyPassword } from '../auth/passwords.js';
import { runUserCreate } from './user-create.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await openAdminHarness();
});
afterEach(async () => h.close());

describe('user:create', () => {
  it('creates a user from argv with a verifiable argon2id password', async () => {
    const user = await runUserCreate(['--email', 'Ops@Example.com', '--name', 'Ops', '--role', 'admin', '--password', 'a strong password'], h.stores.users);
    expect(user).toMatchObject({ email: 'ops@example.com', name: 'Ops', role: 'admin' });
    const stored = await h.stores.users.get(user.id);
    expect(await verifyPassword(stored!.passwordHash, 'a strong password')).toBe(true);
  });

  it('refuses bad input, unknown flags and duplicates', async () => {
    await expect(runUserCreate(['--email', 'x@example.com', '--password', 'short'], h.stores.users)).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    await expect(runUserCreate(['--email', 'x@example.com', '--role', 'root', '--password', 'long enough pw'], h.stores.users)).rejects.toMatchObject({ code: 'ERR_VALIDATION' });
    await expect(runUserCreate(['--mail', 'x@example.com'], h.stores.users)).rejects.toThrow();
    await runUserCreate(['--email', 'x@example.com', '--password', 'long enough pw'], h.stores.users);
    await expect(runUserCreate(['--email', 'x@example.com', '--password', 'long enough pw'], h.stores.users)).rejects.toMatchObject({ code: 'ERR_USER_DUPLICATE' });
  });
});
