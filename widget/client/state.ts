import type { ChatItem, Message, SessionPayload, StatusPayload, TypingPayload, ViewState } from './types.js';
import { t } from './i18n/index.js';

export function initialState(): ViewState {
  return { open: false, connection: 'idle', conversation: null, items: [], typing: null, csat: 'none', unread: 0, notice: null };
}

export function itemFromMessage(m: Message): ChatItem {
  const item: ChatItem = { key: m.id, id: m.id, author: m.author, text: m.text, createdAt: m.createdAt };
  if (m.agentName) item.agentName = m.agentName;
  if (m.suggestions && m.suggestions.length > 0) item.suggestions = m.suggestions;
  return item;
}

export function replaceItem(items: ChatItem[], key: string, patch: Partial<ChatItem>): ChatItem[] {
  return items.map((i) => (i.key === key ? { ...i, ...patch } : i));
}

/** The conversation a server event names: the known one, or a new bot conversation. */
function conversationOf(state: ViewState, id: string): NonNullable<ViewState['conversation']> {
  const conv = state.conversation;
  return conv && conv.id === id ? conv : { id, state: 'bot', csatPending: false };
}

/** A message pushed by the server: appended; a reply from the bot or agent ends their typing indicator. */
export function applyMessage(state: ViewState, m: Message): Partial<ViewState> {
  const conversation = conversationOf(state, m.conversationId);
  const typing = state.typing && state.typing.author === m.author ? null : state.typing;
  return { items: [...state.items, itemFromMessage(m)], conversation, typing };
}

export function applyStatus(state: ViewState, s: StatusPayload): Partial<ViewState> {
  const prev = state.conversation && state.conversation.id === s.conversationId ? state.conversation : null;
  const conversation = {
    id: s.conversationId,
    state: s.state,
    csatPending: prev?.csatPending ?? false,
    ...(s.agentName ? { agentName: s.agentName } : {}),
  };
  return { conversation, typing: s.state === 'closed' ? null : state.typing };
}

/** Bot or agent typing; an agent is named when the conversation knows who joined. */
export function applyTyping(state: ViewState, t: TypingPayload): Partial<ViewState> {
  const name = t.author === 'agent' ? state.conversation?.agentName : undefined;
  return { typing: t.typing ? { author: t.author, ...(name ? { name } : {}) } : null };
}

/** Link lost: what was in flight goes back to the queue (the outbox resends it with the same id). */
export function applyDisconnect(state: ViewState): Partial<ViewState> {
  return { connection: 'reconnecting', typing: null, items: state.items.map((i) => (i.delivery === 'sending' ? { ...i, delivery: 'queued' } : i)) };
}

/**
 * The server's session: its history, plus what the customer typed while offline and the
 * server has not confirmed yet.
 */
export function applySession(state: ViewState, s: SessionPayload): Partial<ViewState> {
  const history = s.history.map(itemFromMessage);
  const known = new Set(history.map((i) => i.id));
  const pending = state.items.filter((i) => i.delivery && !(i.id && known.has(i.id)));
  const csat = s.conversation?.csatPending ? 'pending' : state.csat === 'done' ? 'done' : 'none';
  return { connection: 'online', conversation: s.conversation, items: [...history, ...pending], csat };
}

/** The server stored a message: it gets its id, and the conversation it went to is the current one. */
export function applyAccepted(state: ViewState, key: string, res: { messageId: string; conversationId: string }): Partial<ViewState> {
  return { conversation: conversationOf(state, res.conversationId), items: replaceItem(state.items, key, { id: res.messageId, delivery: undefined }) };
}

/** The header line: who the customer is talking to right now. */
export function statusLine(state: ViewState): string {
  if (state.connection === 'reconnecting') return t('statusReconnecting');
  if (state.connection === 'connecting') return t('statusConnecting');
  const c = state.conversation;
  if (!c || c.state === 'bot') return t('statusBot');
  if (c.state === 'queued') return t('statusQueued');
  if (c.state === 'agent') return c.agentName ? t('statusAgentNamed', { name: c.agentName }) : t('statusAgent');
  return t('statusClosed');
}
