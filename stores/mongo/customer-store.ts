import {
  ParleyError,
  type Customer,
  type CustomerStore,
  type FieldCipher,
  type ProfileDelta,
  emptyProfileStats,
} from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { buildCustomer, seal, tokenHash, unseal } from '../shared/customer-fields.js';
import { isDuplicateKey, op, stringEq } from './connection.js';
import { fromData, toData } from './data-keys.js';
import { noFaults, type FaultHook } from './fault-hook.js';
import type { CrmModels, CustomerDoc } from './crm-models.js';
import { eraseCustomerData } from './erase.js';
import { definedOnly } from '../shared/patch.js';

export function createCustomerStore(m: CrmModels, cipher: FieldCipher, fault: FaultHook = noFaults): CustomerStore {
  const toCustomer = (d: CustomerDoc): Customer => ({
    id: d._id,
    visitorToken: unseal(cipher, d.visitorToken),
    externalId: d.externalId ?? null,
    name: unseal(cipher, d.name),
    email: unseal(cipher, d.email),
    attributes: fromData({ ...(d.attributes ?? {}) }),
    // Documents from older versions may lack stats or some counters.
    stats: { ...emptyProfileStats(), ...d.stats, lastCsat: d.stats?.lastCsat ?? null },
    createdAt: d.createdAt,
    lastSeenAt: d.lastSeenAt,
  });
  /** Sealed storage form of the fields a create or update may set. */
  const sealed = (c: Pick<Customer, 'visitorToken' | 'externalId' | 'name' | 'email' | 'attributes'>) => ({
    visitorTokenHash: c.visitorToken === null ? null : tokenHash(c.visitorToken),
    visitorToken: seal(cipher, c.visitorToken),
    externalId: c.externalId,
    name: seal(cipher, c.name),
    email: seal(cipher, c.email),
    attributes: toData(c.attributes),
  });
  const conflict = (err: unknown): never => {
    if (isDuplicateKey(err)) throw new ParleyError('ERR_STORE_CONFLICT', { fields: ['visitorToken', 'externalId'] });
    throw err;
  };
  const one = async (filter: Record<string, unknown>) => {
    const doc = await m.customers.findOne(filter).lean<CustomerDoc>();
    return doc ? toCustomer(doc) : null;
  };

  return {
    async create(input) {
      const now = Date.now();
      const c = buildCustomer(input.id ?? storeId(now), input, new Date(now).toISOString());
      try {
        await m.customers.create({ _id: c.id, ...sealed(c), stats: c.stats, createdAt: c.createdAt, lastSeenAt: c.lastSeenAt });
      } catch (err) {
        conflict(err);
      }
      return c;
    },
    get: (id) => one({ _id: id }),
    findByVisitorToken: (token) => one({ visitorTokenHash: stringEq(tokenHash(token)) }),
    findByExternalId: (externalId) => one({ externalId: stringEq(externalId) }),
    async update(id, patch) {
      // $set of the patched fields only, in one server-side write: two concurrent updates
      // of different fields both land, and recordActivity increments are never overwritten.
      const p = definedOnly(patch);
      const all = sealed({ visitorToken: null, externalId: null, name: null, email: null, attributes: {}, ...p });
      const set: Record<string, unknown> = {};
      for (const k of Object.keys(p) as (keyof typeof p)[]) set[k] = all[k];
      if ('visitorToken' in p) set.visitorTokenHash = all.visitorTokenHash;
      let doc: CustomerDoc | null = null;
      try {
        doc = await m.customers
          .findOneAndUpdate({ _id: id }, Object.keys(set).length > 0 ? { $set: set } : {}, { returnDocument: 'after' })
          .lean<CustomerDoc>();
      } catch (err) {
        conflict(err);
      }
      if (!doc) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id });
      return toCustomer(doc);
    },
    async recordActivity(id, d: ProfileDelta) {
      const result = await m.customers.updateOne(
        { _id: id },
        {
          $inc: {
            'stats.messageCount': d.messages ?? 0,
            'stats.conversationCount': d.conversations ?? 0,
            'stats.escalations': d.escalations ?? 0,
            'stats.fallbacks': d.fallbacks ?? 0,
            'stats.sentimentSum': d.sentiment ?? 0,
            'stats.sentimentCount': d.sentiment === undefined ? 0 : 1,
            'stats.csatSum': d.csat ?? 0,
            'stats.csatCount': d.csat === undefined ? 0 : 1,
          },
          ...(d.csat === undefined ? {} : { $set: { 'stats.lastCsat': d.csat } }),
          ...(d.seenAt === undefined ? {} : { $max: { lastSeenAt: d.seenAt } }),
        },
      );
      if (result.matchedCount === 0) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id });
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeCursor(page.cursor);
      const docs = await m.customers
        .find(after === null ? {} : { _id: op({ $lt: after }) })
        .sort({ _id: -1 })
        .limit(limit + 1)
        .lean<CustomerDoc[]>();
      return toPage(docs.map((d) => ({ ...d, id: d._id })), limit, toCustomer);
    },
    count: () => m.customers.countDocuments({}),
    async erase(id) {
      await eraseCustomerData(m, id, undefined, fault);
    },
  };
}
