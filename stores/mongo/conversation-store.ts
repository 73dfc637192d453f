import {
  applyTransition,
  ParleyError,
  readDialogueState,
  type Conversation,
  type ConversationStore,
} from '../../core/index.js';
import { storeId } from '../shared/ids.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { buildConversation, buildEvent, withDialogue } from '../shared/conversation-fields.js';
import { isDeepStrictEqual } from 'node:util';
import { op } from './connection.js';
import { fromData, toData } from './data-keys.js';
import { noFaults, type FaultHook } from './fault-hook.js';
import { reassign } from './reassign.js';
import { definedOnly } from '../shared/patch.js';
import type { ConversationDoc, CrmModels } from './crm-models.js';
import { eraseCustomerData } from './erase.js';
import { createMessageDocs } from './message-docs.js';

const NO_EVENTS = { events: 0 } as const;
/** How often a transition re-reads after losing a compare-and-set to a concurrent writer. */
const CAS_ATTEMPTS = 8;

function toConversation(d: ConversationDoc): Conversation {
  const { _id, events: _events, messageSeq: _seq, dialogue, ...rest } = d;
  // Documents from older versions may lack the counters added since.
  const defaults = { version: 0, consecutiveFallbacks: 0, negativeStreak: 0, escalated: false };
  return { id: _id, ...defaults, ...rest, ...withDialogue(dialogue ? readDialogueState(fromData(dialogue)) : null) };
}

function toDoc(c: Conversation): Omit<ConversationDoc, '_id'> {
  const { id: _id, dialogue, ...rest } = c;
  return { ...rest, ...(dialogue ? { dialogue: toData(dialogue) } : {}) };
}

/**
 * Only the fields a transition changed: a whole-document write would put back a
 * customerId (or counters) that another writer changed since our read.
 */
function changedFields(before: Conversation, after: Conversation): { $set: Record<string, unknown>; $unset?: Record<string, 1> } {
  const was = toDoc(before) as Record<string, unknown>;
  const now = toDoc(after) as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  for (const [k, v] of Object.entries(now)) if (!isDeepStrictEqual(was[k], v)) set[k] = v;
  for (const k of Object.keys(was)) if (!(k in now)) unset[k] = 1;
  return Object.keys(unset).length > 0 ? { $set: set, $unset: unset } : { $set: set };
}

export function createConversationStore(m: CrmModels, fault: FaultHook = noFaults): ConversationStore {
  const read = async (id: string) => {
    const doc = await m.conversations.findOne({ _id: id }, NO_EVENTS).lean<ConversationDoc>();
    return doc ? toConversation(doc) : null;
  };
  const load = async (id: string) => {
    const conv = await read(id);
    if (!conv) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id });
    return conv;
  };
  const latest = async (filter: Record<string, unknown>) => {
    const doc = await m.conversations.findOne(filter, NO_EVENTS).sort({ _id: -1 }).lean<ConversationDoc>();
    return doc ? toConversation(doc) : null;
  };

  return {
    async create(input) {
      const now = Date.now();
      const conv = buildConversation(storeId(now), input, new Date(now).toISOString());
      await m.conversations.create({ _id: conv.id, ...toDoc(conv), events: [] });
      return conv;
    },
    get: read,
    findOpen: (customerId) => latest({ customerId, state: op({ $ne: 'closed' }) }),
    findLatest: (customerId) => latest({ customerId }),
    async list(query = {}) {
      const limit = clampLimit(query.limit);
      const after = decodeCursor(query.cursor);
      const filter: Record<string, unknown> = {};
      if (query.customerId !== undefined) filter.customerId = query.customerId;
      if (query.states && query.states.length > 0) filter.state = op({ $in: [...query.states] });
      if (after !== null) filter._id = op({ $lt: after });
      const docs = await m.conversations.find(filter, NO_EVENTS).sort({ _id: -1 }).limit(limit + 1).lean<ConversationDoc[]>();
      return toPage(docs.map(toConversation), limit, (c) => c);
    },
    async update(id, patch) {
      const { dialogue, ...set } = definedOnly(patch);
      // A cleared dialogue state is removed, not stored as null (same document shape as a fresh conversation).
      const unset = dialogue === null ? { $unset: { dialogue: 1 } } : {};
      const doc = await m.conversations
        .findOneAndUpdate(
          { _id: id },
          { $set: { ...set, ...(dialogue ? { dialogue: toData(dialogue) } : {}), updatedAt: new Date().toISOString() }, $inc: { version: 1 }, ...unset },
          { returnDocument: 'after', projection: NO_EVENTS },
        )
        .lean<ConversationDoc>();
      if (!doc) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id });
      return toConversation(doc);
    },
    async transition(id, input) {
      for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
        const current = await load(id);
        // Throws ALREADY_CLAIMED / ILLEGAL_TRANSITION against the state we just read:
        // the loser of a claim race lands here on its retry.
        const conversation = applyTransition(current, input);
        const event = buildEvent(storeId(), current, conversation, input);
        // Compare-and-set on version; the event is pushed by the same single-document update.
        // Older documents may have no version field: 0 matches them too.
        const won = await m.conversations.updateOne(
          { _id: id, version: current.version === 0 ? op({ $in: [0, null] }) : current.version },
          { ...changedFields(current, conversation), $push: { events: event } },
        );
        if (won.modifiedCount === 1) return { conversation, event };
      }
      throw new ParleyError('ERR_STORE_CONFLICT', { id });
    },
    async setCsat(id, csat) {
      const doc = await m.conversations
        .findOneAndUpdate(
          { _id: id, state: 'closed', csat: null },
          { $set: { csat, updatedAt: new Date().toISOString() }, $inc: { version: 1 } },
          { returnDocument: 'after', projection: NO_EVENTS },
        )
        .lean<ConversationDoc>();
      if (doc) return toConversation(doc);
      const current = await load(id);
      if (current.state !== 'closed') throw new ParleyError('ERR_CONVERSATION_NOT_CLOSED', { id });
      throw new ParleyError('ERR_CSAT_ALREADY_GIVEN', { id });
    },
    async listEvents(conversationId) {
      const doc = await m.conversations.findOne({ _id: conversationId }, { events: 1 }).lean<Pick<ConversationDoc, 'events'>>();
      return doc?.events ?? [];
    },
    reassignCustomer: (fromCustomerId, toCustomerId) => reassign(m, fromCustomerId, toCustomerId, fault),
    ...createMessageDocs(m),
    async eraseCustomer(customerId) {
      await eraseCustomerData(m, customerId, ['conversations'], fault);
    },
  };
}
