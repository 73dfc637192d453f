import { ParleyError, type StaffUser, type UserStore } from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { definedOnly } from '../shared/patch.js';
import { isUniqueViolation, type Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';
import { emailKey } from '../shared/email-key.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: StaffUser['role'];
  password_hash: string;
  created_at: string;
  updated_at: string;
}

const toUser = (r: UserRow): StaffUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});


export function createUserStore(db: Db): UserStore {
  const tx = loopTransaction(db);
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email_key = ?');
  const insert = db.prepare(`INSERT INTO users (id, email, email_key, name, role, password_hash, created_at, updated_at)
    VALUES (@id, @email, @key, @name, @role, @passwordHash, @createdAt, @updatedAt)`);
  const write = db.prepare(`UPDATE users SET email = @email, email_key = @key, name = @name, role = @role,
    password_hash = @passwordHash, updated_at = @updatedAt WHERE id = @id`);
  const remove = db.prepare('DELETE FROM users WHERE id = ?');
  const first = db.prepare<[number], UserRow>('SELECT * FROM users ORDER BY id DESC LIMIT ?');
  const after = db.prepare<[string, number], UserRow>('SELECT * FROM users WHERE id < ? ORDER BY id DESC LIMIT ?');
  const byRole = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM users WHERE role = ?');

  const duplicate = (err: unknown, email: string): never => {
    if (isUniqueViolation(err)) throw new ParleyError('ERR_USER_DUPLICATE', { email });
    throw err;
  };

  return {
    async create(input) {
      const now = Date.now();
      const at = new Date(now).toISOString();
      const user: StaffUser = { id: storeId(now), ...input, createdAt: at, updatedAt: at };
      try {
        await tx.durable(() => insert.run({ ...user, key: emailKey(user.email) }));
      } catch (err) {
        duplicate(err, user.email);
      }
      return user;
    },
    async get(id) {
      const r = byId.get(id);
      return r ? toUser(r) : null;
    },
    async findByEmail(email) {
      const r = byEmail.get(emailKey(email));
      return r ? toUser(r) : null;
    },
    async update(id, patch) {
      return tx.durable(db.transaction(() => {
        const r = byId.get(id);
        if (!r) throw new ParleyError('ERR_USER_NOT_FOUND', { id });
        const next: StaffUser = { ...toUser(r), ...definedOnly(patch), updatedAt: new Date().toISOString() };
        try {
          write.run({ ...next, key: emailKey(next.email) });
        } catch (err) {
          duplicate(err, next.email);
        }
        return next;
      }));
    },
    async delete(id) {
      const { changes } = await tx.durable(() => remove.run(id));
      if (changes === 0) throw new ParleyError('ERR_USER_NOT_FOUND', { id });
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const cursor = decodeCursor(page.cursor);
      const rows = cursor === null ? first.all(limit + 1) : after.all(cursor, limit + 1);
      return toPage(rows, limit, toUser);
    },
    async countByRole(role) {
      return byRole.get(role)?.n ?? 0;
    },
  };
}
