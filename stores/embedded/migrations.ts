import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Append-only: never edit a released migration, add the next version.
 * Every query of the ports has an index here (the comment names the query).
 */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  visitor_token_hash TEXT,             -- sha256 of the secret token: lookups without storing it plain
  visitor_token TEXT,                  -- sealed with the FieldCipher
  external_id TEXT,                    -- pseudonymous channel id, kept plain for lookups
  name TEXT, email TEXT,               -- PII, sealed with the FieldCipher
  attributes TEXT NOT NULL DEFAULT '{}',
  message_count INTEGER NOT NULL DEFAULT 0, conversation_count INTEGER NOT NULL DEFAULT 0,
  escalations INTEGER NOT NULL DEFAULT 0, fallbacks INTEGER NOT NULL DEFAULT 0,
  sentiment_sum REAL NOT NULL DEFAULT 0, sentiment_count INTEGER NOT NULL DEFAULT 0,
  csat_sum REAL NOT NULL DEFAULT 0, csat_count INTEGER NOT NULL DEFAULT 0, last_csat INTEGER,
  created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL
);
CREATE UNIQUE INDEX customers_visitor_token ON customers(visitor_token_hash) WHERE visitor_token_hash IS NOT NULL;
CREATE UNIQUE INDEX customers_external_id ON customers(external_id) WHERE external_id IS NOT NULL;

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('bot','queued','agent','closed')),
  assignee TEXT, csat TEXT, last_message TEXT,            -- JSON
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, closed_at TEXT,
  waiting_since TEXT, first_claimed_at TEXT,
  last_intent TEXT, last_sentiment REAL,
  consecutive_fallbacks INTEGER NOT NULL DEFAULT 0, negative_streak INTEGER NOT NULL DEFAULT 0,
  escalated INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_customer ON conversations(customer_id, id);   -- findOpen, findLatest, list by customer
CREATE INDEX conversations_state ON conversations(state, id);            -- list by states (queue, inbox)

CREATE TABLE conversation_events (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  event TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL,
  actor TEXT NOT NULL, reason TEXT, at TEXT NOT NULL
);
CREATE INDEX conversation_events_conversation ON conversation_events(conversation_id, id);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  author TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL,
  agent_name TEXT, suggestions TEXT, in_reply_to TEXT,
  sender_key TEXT, client_message_id TEXT
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);      -- listMessages, recentMessages
CREATE INDEX messages_in_reply_to ON messages(in_reply_to, id) WHERE in_reply_to IS NOT NULL;
CREATE UNIQUE INDEX messages_idempotency ON messages(sender_key, client_message_id) WHERE client_message_id IS NOT NULL;

CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL, customer_id TEXT NOT NULL, message_id TEXT NOT NULL,
  decision TEXT NOT NULL, created_ms INTEGER NOT NULL,   -- date filters use the id (time-prefixed) instead
  doc TEXT NOT NULL                                                        -- the whole Interaction, JSON
);
CREATE INDEX interactions_customer ON interactions(customer_id, id);
CREATE INDEX interactions_conversation ON interactions(conversation_id, id);
CREATE INDEX interactions_decision ON interactions(decision, id);

CREATE TABLE faqs (
  id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL,
  alternates TEXT NOT NULL, tags TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters(name, value) VALUES ('faq_revision', 0);

CREATE TABLE intents (name TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE entities (name TEXT PRIMARY KEY, doc TEXT NOT NULL);

CREATE TABLE nlu_models (
  version TEXT PRIMARY KEY, created_at TEXT NOT NULL, data TEXT NOT NULL,
  metrics TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX nlu_models_one_active ON nlu_models(active) WHERE active = 1;
CREATE INDEX nlu_models_created ON nlu_models(created_at, version);

CREATE TABLE users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL, email_key TEXT NOT NULL, name TEXT NOT NULL,
  role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users(email_key);
CREATE INDEX users_role ON users(role);

CREATE TABLE audit_events (
  id TEXT PRIMARY KEY, actor_id TEXT NOT NULL, action TEXT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit_events(actor_id, id);
CREATE INDEX audit_action ON audit_events(action, id);

CREATE TABLE kv (
  namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (namespace, key)
) WITHOUT ROWID;
`,
  },
  {
    version: 2,
    name: 'conversation dialogue state (forms, last topic)',
    sql: 'ALTER TABLE conversations ADD COLUMN dialogue TEXT;',
  },
  {
    version: 3,
    name: 'orders, order lines and products',
    sql: `
CREATE TABLE orders (
  order_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  external_customer_id TEXT,           -- the shop's customer id the order came with
  date TEXT NOT NULL, date_ms INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('placed','paid','shipped','delivered','cancelled','returned')),
  tracking_url TEXT,
  total REAL NOT NULL DEFAULT 0
);
CREATE INDEX orders_customer ON orders(customer_id, date_ms, order_id);  -- listByCustomer, eraseCustomer
CREATE INDEX orders_date ON orders(date_ms, order_id);                  -- scanLines (oldest first, before)

CREATE TABLE order_lines (
  order_id TEXT NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
  product_id TEXT NOT NULL,            -- '' = the order's line without a product
  quantity REAL, amount REAL NOT NULL,
  PRIMARY KEY (order_id, product_id)   -- the line's identity
) WITHOUT ROWID;

CREATE TABLE products (
  product_id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT, price REAL
) WITHOUT ROWID;
`,
  },
  {
    version: 4,
    name: 'crm insights generations',
    sql: `
-- One row per CRM run; at most one is current (readers never mix two runs).
CREATE TABLE crm_runs (
  id TEXT PRIMARY KEY, as_of TEXT NOT NULL, created_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('building','current')), summary TEXT
);
CREATE UNIQUE INDEX crm_runs_current ON crm_runs(state) WHERE state = 'current';
-- get(customerId) and list(): (run_id, customer_id); eraseCustomer: customer_id.
CREATE TABLE crm_insights (
  run_id TEXT NOT NULL, customer_id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (run_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX crm_insights_customer ON crm_insights(customer_id);
`,
  },
  {
    version: 5,
    name: 'message and conversation language, customer locale',
    sql: `
ALTER TABLE messages ADD COLUMN language TEXT;
ALTER TABLE conversations ADD COLUMN language TEXT;
ALTER TABLE conversations ADD COLUMN locale TEXT;
`,
  },
  {
    version: 6,
    name: 'crm recommendations per customer',
    sql: `
-- One row per customer (get, put, erase by the key); retainRun drops other runs' rows by run_id.
CREATE TABLE crm_recommendations (
  customer_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX crm_recommendations_run ON crm_recommendations(run_id);
`,
  },
  {
    version: 7,
    name: 'integration api keys',
    sql: `
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,                  -- sha256 of the key: the key itself is never stored
  doc TEXT NOT NULL,                   -- JSON: name, scopes, prefix, createdBy, createdAt
  revoked_at TEXT, last_used_at TEXT
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys(hash);      -- findByHash (every authenticated integration call)
`,
  },
  {
    version: 8,
    name: 'external ids sealed, looked up by keyed hash',
    sql: `
-- HMAC-SHA256 of the external id (FieldCipher.lookupHashes, current key): findByExternalId without plaintext.
ALTER TABLE customers ADD COLUMN external_id_hash TEXT;
DROP INDEX customers_external_id;
CREATE UNIQUE INDEX customers_external_id_hash ON customers(external_id_hash) WHERE external_id_hash IS NOT NULL;
-- Rows written before sealing keep their plain external id and no hash until keys:rotate seals them.
CREATE UNIQUE INDEX customers_external_id_plain ON customers(external_id)
  WHERE external_id_hash IS NULL AND external_id IS NOT NULL;
`,
  },
];

/** Applies pending migrations, each in its own IMMEDIATE transaction (safe if two processes start at once). */
export function migrate(db: Database.Database, list: Migration[] = migrations): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied: number[] = [];
  const has = db.prepare<[number], { version: number }>('SELECT version FROM schema_migrations WHERE version = ?');
  const mark = db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (has.get(m.version)) return;
      db.exec(m.sql);
      mark.run(m.version, m.name, new Date().toISOString());
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
