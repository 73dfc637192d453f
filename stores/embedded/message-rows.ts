import { ParleyError, type AppendResult, type ConversationStore, type FieldCipher, type Message, type NewMessage, type Language } from '../../core/index.js';
import { buildMessage } from '../shared/content-fields.js';
import { clampLimit, decodeCursor, toPage } from '../shared/page.js';
import { isForeignKeyViolation, type Db } from './open-database.js';
import { loopTransaction } from './loop-transaction.js';

interface MessageRow {
  id: string;
  conversation_id: string;
  author: Message['author'];
  text: string;
  created_at: string;
  agent_name: string | null;
  suggestions: string | null;
  in_reply_to: string | null;
  language: Language | null;
}

const COLUMNS = 'id, conversation_id, author, text, created_at, agent_name, suggestions, in_reply_to, language';

function toMessageOf(r: MessageRow, cipher: FieldCipher): Message {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    author: r.author,
    text: cipher.decrypt(r.text),
    createdAt: r.created_at,
    ...(r.agent_name === null ? {} : { agentName: r.agent_name }),
    ...(r.suggestions === null ? {} : { suggestions: JSON.parse(r.suggestions) as Message['suggestions'] }),
    ...(r.in_reply_to === null ? {} : { inReplyTo: r.in_reply_to }),
    ...(r.language === null ? {} : { language: r.language }),
  };
}

export type MessageMethods = Pick<
  ConversationStore,
  'appendMessage' | 'recentMessages' | 'listMessages' | 'listReplies' | 'getMessage' | 'findByIdempotency'
>;

/** The message half of the embedded ConversationStore; message text is sealed at rest. */
export function createMessageRows(db: Db, cipher: FieldCipher): MessageMethods {
  const toMessage = (r: MessageRow) => toMessageOf(r, cipher);
  const byKey = db.prepare<[string, string], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE sender_key = ? AND client_message_id = ?`,
  );
  const insert = db.prepare(`INSERT INTO messages (${COLUMNS}, sender_key, client_message_id)
    VALUES (@id, @conversation_id, @author, @text, @created_at, @agent_name, @suggestions, @in_reply_to, @language, @sk, @cmid)`);
  const byId = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`);
  const recent = db.prepare<[string, number], MessageRow>(`SELECT * FROM (SELECT ${COLUMNS} FROM messages
    WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id ASC`);
  const first = db.prepare<[string, number], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY id ASC LIMIT ?`,
  );
  const after = db.prepare<[string, string, number], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND id > ? ORDER BY id ASC LIMIT ?`,
  );
  const replies = db.prepare<[string], MessageRow>(
    `SELECT ${COLUMNS} FROM messages WHERE in_reply_to = ? ORDER BY id ASC`,
  );

  // Lookup and insert in one transaction: the UNIQUE index is the last line of defence
  // (another process), the lookup returns the original whatever the retried text says.
  const append = db.transaction((input: NewMessage): AppendResult => {
    const key = input.idempotency;
    if (key) {
      const existing = byKey.get(key.senderKey, key.clientMessageId);
      if (existing) return { message: toMessage(existing), duplicate: true };
    }
    const message = buildMessage(input);
    try {
      insert.run({
        id: message.id,
        conversation_id: message.conversationId,
        author: message.author,
        text: cipher.encrypt(message.text),
        created_at: message.createdAt,
        agent_name: input.agentName ?? null,
        suggestions: input.suggestions === undefined ? null : JSON.stringify(input.suggestions),
        in_reply_to: input.inReplyTo ?? null,
        language: input.language ?? null,
        sk: key?.senderKey ?? null,
        cmid: key?.clientMessageId ?? null,
      });
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { id: input.conversationId });
      throw err;
    }
    return { message, duplicate: false };
  });
  // Concurrent appends (many conversations at once) share one commit and one fsync (loop-transaction.ts).
  // Messages without a clientMessageId (bot replies, system notices) were acknowledged to nobody.
  const tx = loopTransaction(db);
  const appendMessage = async (input: NewMessage): Promise<AppendResult> =>
    input.idempotency === undefined ? tx.relaxed(() => append(input)) : tx.durable(() => append(input));

  return {
    appendMessage,
    async recentMessages(conversationId, limit = 100) {
      return recent.all(conversationId, Math.max(1, Math.min(1000, Math.floor(limit)))).map(toMessage);
    },
    async listMessages(conversationId, page = {}) {
      const limit = clampLimit(page.limit);
      const cursor = decodeCursor(page.cursor);
      const rows = cursor === null ? first.all(conversationId, limit + 1) : after.all(conversationId, cursor, limit + 1);
      return toPage(rows, limit, toMessage);
    },
    async listReplies(messageId) {
      return replies.all(messageId).map(toMessage);
    },
    async findByIdempotency(key) {
      const row = byKey.get(key.senderKey, key.clientMessageId);
      return row ? toMessage(row) : null;
    },
    async getMessage(id) {
      const row = byId.get(id);
      return row ? toMessage(row) : null;
    },
  };
}
