import { ParleyError, type StaffUser, type UserStore } from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { emailKey } from '../shared/email-key.js';
import { isDuplicateKey, op } from './connection.js';
import { definedOnly } from '../shared/patch.js';
import type { AdminModels, UserDoc } from './admin-models.js';

const toUser = (d: UserDoc): StaffUser => {
  const { _id, emailKey: _key, ...rest } = d;
  return { id: _id, ...rest };
};

export function createUserStore(m: AdminModels): UserStore {
  const duplicate = (err: unknown, email: string): never => {
    if (isDuplicateKey(err)) throw new ParleyError('ERR_USER_DUPLICATE', { email });
    throw err;
  };
  const one = async (filter: Record<string, unknown>) => {
    const d = await m.users.findOne(filter).lean<UserDoc>();
    return d ? toUser(d) : null;
  };

  return {
    async create(input) {
      const now = Date.now();
      const at = new Date(now).toISOString();
      const user: StaffUser = { id: storeId(now), ...input, createdAt: at, updatedAt: at };
      const { id, ...fields } = user;
      try {
        await m.users.create({ _id: id, ...fields, emailKey: emailKey(user.email) });
      } catch (err) {
        duplicate(err, user.email);
      }
      return user;
    },
    get: (id) => one({ _id: id }),
    findByEmail: (email) => one({ emailKey: emailKey(email) }),
    async update(id, patch) {
      const set: Record<string, unknown> = definedOnly(patch);
      if (typeof set.email === 'string') set.emailKey = emailKey(set.email);
      let d: UserDoc | null = null;
      try {
        d = await m.users
          .findOneAndUpdate({ _id: id }, { $set: { ...set, updatedAt: new Date().toISOString() } }, { returnDocument: 'after' })
          .lean<UserDoc>();
      } catch (err) {
        duplicate(err, String(set.email));
      }
      if (!d) throw new ParleyError('ERR_USER_NOT_FOUND', { id });
      return toUser(d);
    },
    async delete(id) {
      if ((await m.users.deleteOne({ _id: id })).deletedCount === 0) throw new ParleyError('ERR_USER_NOT_FOUND', { id });
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeCursor(page.cursor);
      const docs = await m.users
        .find(after === null ? {} : { _id: op({ $lt: after }) })
        .sort({ _id: -1 })
        .limit(limit + 1)
        .lean<UserDoc[]>();
      return toPage(docs.map(toUser), limit, (x) => x);
    },
    countByRole: (role) => m.users.countDocuments({ role }),
  };
}
