import { ParleyError, type ConversationStore, type Message, type NewMessage } from '../../core/index.js';
import { buildMessage } from '../shared/content-fields.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { isDuplicateKey, op, stringEq } from './connection.js';
import type { CrmModels, MessageDoc } from './crm-models.js';

const HIDDEN = { senderKey: 0, clientMessageId: 0 } as const;

function toMessage(d: MessageDoc): Message {
  const { _id, senderKey: _s, clientMessageId: _c, ...rest } = d;
  return { id: _id, ...rest };
}

export type MessageMethods = Pick<
  ConversationStore,
  'appendMessage' | 'recentMessages' | 'listMessages' | 'listReplies' | 'getMessage' | 'findByIdempotency'
>;

/** The message half of the Mongo ConversationStore. */
export function createMessageDocs(m: CrmModels): MessageMethods {
  const byKey = (key: NonNullable<NewMessage['idempotency']>) =>
    m.messages.findOne({ senderKey: key.senderKey, clientMessageId: stringEq(key.clientMessageId) }, HIDDEN).lean<MessageDoc>();

  return {
    async appendMessage(input) {
      // The id is taken before any await: ids (and so reading order) follow call order.
      const message = buildMessage(input);
      const key = input.idempotency;
      if (key) {
        const existing = await byKey(key);
        if (existing) return { message: toMessage(existing), duplicate: true };
      }
      if (!(await m.conversations.exists({ _id: input.conversationId }))) {
        throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id: input.conversationId });
      }
      const { id, ...fields } = message;
      try {
        await m.messages.create({ _id: id, ...fields, ...(key ? { senderKey: key.senderKey, clientMessageId: key.clientMessageId } : {}) });
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
      const docs = await m.messages.find({ conversationId }, HIDDEN).sort({ _id: -1 }).limit(n).lean<MessageDoc[]>();
      return docs.reverse().map(toMessage);
    },
    async listMessages(conversationId, page = {}) {
      const limit = clampLimit(page.limit);
      const after = decodeCursor(page.cursor);
      const filter = after === null ? { conversationId } : { conversationId, _id: op({ $gt: after }) };
      const docs = await m.messages.find(filter, HIDDEN).sort({ _id: 1 }).limit(limit + 1).lean<MessageDoc[]>();
      return toPage(docs.map(toMessage), limit, (x) => x);
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
