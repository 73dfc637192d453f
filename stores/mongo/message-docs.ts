import { ParleyError, type ConversationStore, type Message, type NewMessage, type Page } from '../../core/index.js';
import { buildMessage } from '../shared/content-fields.js';
import { clampLimit, decodeCursor, encodeCursor } from '../shared/page.js';
import { isDuplicateKey, op, stringEq } from './connection.js';
import type { CrmModels, MessageDoc } from './crm-models.js';
import { fromData, toData } from './data-keys.js';

const HIDDEN = { senderKey: 0, clientMessageId: 0, customerId: 0 } as const;
/** Oldest first: by sequence, then id (documents from before `seq` existed sort first). */
const ORDER = { seq: 1, _id: 1 } as const;
/**
 * An append reserves its sequence number, then inserts: for this long a gap in the
 * sequence may be an insert still in flight, so a page ends before it rather than
 * letting the cursor jump over a message that is about to appear.
 */
export const IN_FLIGHT_MS = 3000;

function toMessage(d: MessageDoc): Message {
  const { _id, senderKey: _s, clientMessageId: _c, customerId: _u, seq: _q, suggestions, ...rest } = d;
  return { id: _id, ...rest, ...(suggestions === undefined ? {} : { suggestions: fromData(suggestions) as Message['suggestions'] }) };
}

/** Sequence numbers run ...,-2,-1 (backfilled history), then 1,2,... (appends). */
const follows = (prev: number, next: number) => next === prev + 1 || (prev === -1 && next === 1);

/** Cuts the page at the first young gap (see IN_FLIGHT_MS); old gaps are crashed or duplicate appends. */
function untilGap(docs: MessageDoc[], after: number | null, now: number): MessageDoc[] {
  let prev = after;
  for (const [i, d] of docs.entries()) {
    if (typeof d.seq !== 'number') continue;
    if (prev !== null && !follows(prev, d.seq) && now - Date.parse(d.createdAt) < IN_FLIGHT_MS) return docs.slice(0, i);
    prev = d.seq;
  }
  return docs;
}

export type MessageMethods = Pick<
  ConversationStore,
  'appendMessage' | 'recentMessages' | 'listMessages' | 'listReplies' | 'getMessage' | 'findByIdempotency'
>;

/** The message half of the Mongo ConversationStore. */
export function createMessageDocs(m: CrmModels): MessageMethods {
  const byKey = (key: NonNullable<NewMessage['idempotency']>) =>
    m.messages.findOne({ senderKey: key.senderKey, clientMessageId: stringEq(key.clientMessageId) }, HIDDEN).lean<MessageDoc>();
  /** A cursor is the last message's sequence number; a cursor from before (a message id) is looked up. */
  const cursorSeq = async (cursor: string | undefined | null): Promise<number | null> => {
    const token = decodeCursor(cursor);
    if (token === null) return null;
    if (/^-?\d{1,15}$/.test(token)) return Number(token);
    const d = await m.messages.findOne({ _id: token }, { seq: 1 }).lean<Pick<MessageDoc, 'seq'>>();
    return d?.seq ?? null;
  };

  return {
    async appendMessage(input) {
      const message = buildMessage(input);
      const key = input.idempotency;
      if (key) {
        const existing = await byKey(key);
        if (existing) return { message: toMessage(existing), duplicate: true };
      }
      // One atomic step proves the conversation exists, hands out the next sequence
      // number (ordered across nodes, unlike clock-based ids) and names the customer.
      const conv = await m.conversations
        .findOneAndUpdate({ _id: input.conversationId }, { $inc: { messageSeq: 1 } }, { returnDocument: 'after', projection: { messageSeq: 1, customerId: 1 } })
        .lean<{ messageSeq: number; customerId: string }>();
      if (!conv) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id: input.conversationId });
      const { id, suggestions, ...fields } = message;
      try {
        await m.messages.create({
          _id: id,
          ...fields,
          ...(suggestions === undefined ? {} : { suggestions: toData(suggestions) }),
          customerId: conv.customerId,
          seq: conv.messageSeq,
          ...(key ? { senderKey: key.senderKey, clientMessageId: key.clientMessageId } : {}),
        });
      } catch (err) {
        // A concurrent retry won the unique (senderKey, clientMessageId) index: return its original.
        if (key && isDuplicateKey(err)) {
          const original = await byKey(key);
          if (original) return { message: toMessage(original), duplicate: true };
        }
        throw err;
      }
      return { message, duplicate: false };
    },
    async recentMessages(conversationId, limit = 100) {
      const n = Math.max(1, Math.min(1000, Math.floor(limit)));
      const docs = await m.messages.find({ conversationId }, HIDDEN).sort({ seq: -1, _id: -1 }).limit(n).lean<MessageDoc[]>();
      return docs.reverse().map(toMessage);
    },
    async listMessages(conversationId, page = {}): Promise<Page<Message>> {
      const limit = clampLimit(page.limit);
      const after = await cursorSeq(page.cursor);
      const filter = after === null ? { conversationId } : { conversationId, seq: op({ $gt: after }) };
      const fetched = await m.messages.find(filter, HIDDEN).sort(ORDER).limit(limit + 1).lean<MessageDoc[]>();
      const docs = untilGap(fetched, after, Date.now());
      const more = docs.length > limit || docs.length < fetched.length;
      const kept = docs.slice(0, limit);
      const last = kept[kept.length - 1];
      const lastSeq = last?.seq ?? after;
      return { items: kept.map(toMessage), nextCursor: more && lastSeq !== null && lastSeq !== undefined ? encodeCursor(String(lastSeq)) : null };
    },
    async listReplies(messageId) {
      const docs = await m.messages.find({ inReplyTo: stringEq(messageId) }, HIDDEN).sort({ _id: 1 }).lean<MessageDoc[]>();
      return docs.map(toMessage);
    },
    async findByIdempotency(key) {
      const doc = await byKey(key);
      return doc ? toMessage(doc) : null;
    },
    async getMessage(id) {
      const doc = await m.messages.findOne({ _id: id }, HIDDEN).lean<MessageDoc>();
      return doc ? toMessage(doc) : null;
    },
  };
}
