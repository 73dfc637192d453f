import {
  ParleyError,
  type Customer,
  type CustomerPatch,
  type CustomerStore,
  type FieldCipher,
  type NewCustomer,
  type ProfileDelta,
} from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { buildCustomer, seal, tokenHash } from '../shared/customer-fields.js';
import { isUniqueViolation, type Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';
import { rowToCustomer, type CustomerRow } from './customer-rows.js';
import { eraseCustomerData } from './erase.js';
import { definedOnly } from '../shared/patch.js';

export function createCustomerStore(db: Db, cipher: FieldCipher): CustomerStore {
  const tx = loopTransaction(db);
  const toCustomer = (r: CustomerRow) => rowToCustomer(r, cipher);
  const byId = db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE id = ?');
  const byToken = db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE visitor_token_hash = ?');
  // One hash per key of the ring (current first): rows hashed before a rotation still match until keys:rotate.
  const ring = cipher.lookupHashes('').length;
  const byExternal = db.prepare<string[], CustomerRow>(
    `SELECT * FROM customers WHERE external_id_hash IN (${Array(ring).fill('?').join(', ')}) LIMIT 1`,
  );
  const byPlainExternal = db.prepare<[string], CustomerRow>(
    'SELECT * FROM customers WHERE external_id_hash IS NULL AND external_id = ?',
  );
  const insert = db.prepare(`INSERT INTO customers (id, visitor_token_hash, visitor_token, external_id, external_id_hash,
    name, email, attributes, created_at, last_seen_at) VALUES (@id, @th, @vt, @ext, @exth, @name, @email, @attrs, @at, @at)`);
  const write = db.prepare(`UPDATE customers SET visitor_token_hash = @th, visitor_token = @vt, external_id = @ext,
    external_id_hash = @exth, name = @name, email = @email, attributes = @attrs WHERE id = @id`);
  const activity = db.prepare(`UPDATE customers SET
    message_count = message_count + @messages, conversation_count = conversation_count + @conversations,
    escalations = escalations + @escalations, fallbacks = fallbacks + @fallbacks,
    sentiment_sum = sentiment_sum + @sentiment, sentiment_count = sentiment_count + @sentimentCount,
    csat_sum = csat_sum + @csat, csat_count = csat_count + @csatCount, last_csat = COALESCE(@lastCsat, last_csat),
    last_seen_at = CASE WHEN @seenAt IS NOT NULL AND @seenAt > last_seen_at THEN @seenAt ELSE last_seen_at END
    WHERE id = @id`);
  const pageFirst = db.prepare<[number], CustomerRow>('SELECT * FROM customers ORDER BY id DESC LIMIT ?');
  const pageAfter = db.prepare<[string, number], CustomerRow>(
    'SELECT * FROM customers WHERE id < ? ORDER BY id DESC LIMIT ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM customers');

  const params = (c: Customer) => ({
    id: c.id,
    th: c.visitorToken === null ? null : tokenHash(c.visitorToken),
    vt: seal(cipher, c.visitorToken),
    ext: seal(cipher, c.externalId),
    exth: c.externalId === null ? null : (cipher.lookupHashes(c.externalId)[0] ?? null),
    name: seal(cipher, c.name),
    email: seal(cipher, c.email),
    attrs: cipher.encrypt(JSON.stringify(c.attributes)),
  });
  const conflict = (err: unknown): never => {
    if (isUniqueViolation(err)) throw new ParleyError('ERR_STORE_CONFLICT', { fields: ['visitorToken', 'externalId'] });
    throw err;
  };

  return {
    async create(input: NewCustomer) {
      const now = Date.now();
      const customer = buildCustomer(input.id ?? storeId(now), input, new Date(now).toISOString());
      try {
        await tx.durable(() => insert.run({ ...params(customer), at: customer.createdAt }));
      } catch (err) {
        conflict(err);
      }
      return customer;
    },
    async get(id) {
      const row = byId.get(id);
      return row ? toCustomer(row) : null;
    },
    async findByVisitorToken(token) {
      const row = byToken.get(tokenHash(token));
      return row ? toCustomer(row) : null;
    },
    async findByExternalId(externalId) {
      const row = byExternal.get(...cipher.lookupHashes(externalId)) ?? byPlainExternal.get(externalId);
      return row ? toCustomer(row) : null;
    },
    async update(id, patch: CustomerPatch) {
      return tx.durable(db.transaction(() => {
        const row = byId.get(id);
        if (!row) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id });
        const next: Customer = { ...toCustomer(row), ...definedOnly(patch) };
        try {
          write.run(params(next));
        } catch (err) {
          conflict(err);
        }
        return next;
      }));
    },
    async recordActivity(id, d: ProfileDelta) {
      // Derived counters: relaxed durability (see loop-transaction.ts).
      const result = tx.relaxed(() => activity.run({
        id,
        messages: d.messages ?? 0,
        conversations: d.conversations ?? 0,
        escalations: d.escalations ?? 0,
        fallbacks: d.fallbacks ?? 0,
        sentiment: d.sentiment ?? 0,
        sentimentCount: d.sentiment === undefined ? 0 : 1,
        csat: d.csat ?? 0,
        csatCount: d.csat === undefined ? 0 : 1,
        lastCsat: d.csat ?? null,
        seenAt: d.seenAt ?? null,
      }));
      if (result.changes === 0) throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { id });
    },
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeCursor(page.cursor);
      const rows = after === null ? pageFirst.all(limit + 1) : pageAfter.all(after, limit + 1);
      return toPage(rows, limit, toCustomer);
    },
    async count() {
      return countAll.get()?.n ?? 0;
    },
    async erase(id) {
      await eraseCustomerData(db, id);
      // The WAL still holds the pages as they were before the erase: fold it into the (zeroed) file and truncate it.
      // Best effort: with another write open on this connection the checkpoint waits for the next erase or close.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
