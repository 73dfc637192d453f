import { Schema, type Connection, type Model } from 'mongoose';
import type { AuditEvent, FaqEntry, StaffUser } from '../../core/index.js';

const opts = { versionKey: false, strictQuery: 'throw', minimize: false } as const;
const mixed = Schema.Types.Mixed;

export type FaqDoc = Omit<FaqEntry, 'id'> & { _id: string };
export interface CounterDoc {
  _id: string;
  value: number;
  /** Writes begun and not yet ended (the FAQ revision; see knowledge-store.ts). */
  pending?: number;
  dirtyAt?: string | null;
}
/** One document per pointer (`active_model`): switching it is one atomic write. */
export interface PointerDoc {
  _id: string;
  version: string;
}
/** Intents and entities: small documents keyed by name, stored as JSON text (regexes, $ in values). */
export interface NamedDoc {
  _id: string;
  doc: string;
}
export interface NluModelDoc {
  _id: string;
  createdAt: string;
  data: string;
  metrics: string;
  /** Written by versions before the active_model pointer; read once to create it. */
  active?: boolean;
}
export type UserDoc = Omit<StaffUser, 'id'> & { _id: string; emailKey: string };
export type AuditDoc = Omit<AuditEvent, 'id'> & { _id: string; actorId: string };
export interface KvDoc {
  _id: string;
  namespace: string;
  key: string;
  value: string;
  updatedAt: string;
}

const faq = new Schema<FaqDoc>(
  { _id: String, question: String, answer: String, alternates: [String], tags: [String], createdAt: String, updatedAt: String },
  opts,
);
const counter = new Schema<CounterDoc>({ _id: String, value: Number, pending: Number, dirtyAt: String }, opts);
const pointer = new Schema<PointerDoc>({ _id: String, version: String }, opts);
const named = () => new Schema<NamedDoc>({ _id: String, doc: String }, opts);
const nluModel = new Schema<NluModelDoc>(
  { _id: String, createdAt: String, data: String, metrics: String, active: Boolean },
  opts,
);
nluModel.index({ createdAt: -1, _id: -1 });

const user = new Schema<UserDoc>(
  {
    _id: String,
    email: String,
    emailKey: String,
    name: String,
    role: { type: String, enum: ['admin', 'agent'] },
    passwordHash: String,
    createdAt: String,
    updatedAt: String,
  },
  opts,
);
user.index({ emailKey: 1 }, { unique: true });
user.index({ role: 1 });

const audit = new Schema<AuditDoc>(
  { _id: String, actor: mixed, actorId: String, action: String, target: String, details: mixed, at: String },
  opts,
);
audit.index({ actorId: 1, _id: -1 });
audit.index({ action: 1, _id: -1 });

const kv = new Schema<KvDoc>({ _id: String, namespace: String, key: String, value: String, updatedAt: String }, opts);
kv.index({ namespace: 1, key: 1 });

export interface AdminModels {
  faqs: Model<FaqDoc>;
  counters: Model<CounterDoc>;
  pointers: Model<PointerDoc>;
  intents: Model<NamedDoc>;
  entities: Model<NamedDoc>;
  nluModels: Model<NluModelDoc>;
  users: Model<UserDoc>;
  audit: Model<AuditDoc>;
  kv: Model<KvDoc>;
}

export function adminModels(conn: Connection): AdminModels {
  return {
    faqs: conn.model<FaqDoc>('Faq', faq, 'faqs'),
    counters: conn.model<CounterDoc>('Counter', counter, 'counters'),
    pointers: conn.model<PointerDoc>('Pointer', pointer, 'pointers'),
    intents: conn.model<NamedDoc>('Intent', named(), 'intents'),
    entities: conn.model<NamedDoc>('Entity', named(), 'entities'),
    nluModels: conn.model<NluModelDoc>('NluModel', nluModel, 'nlu_models'),
    users: conn.model<UserDoc>('User', user, 'users'),
    audit: conn.model<AuditDoc>('AuditEvent', audit, 'audit_events'),
    kv: conn.model<KvDoc>('KeyValue', kv, 'kv'),
  };
}
