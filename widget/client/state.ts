import type { ChatItem, Message, StatusPayload, ViewState } from './types.js';

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

/** A message pushed by the server: appended; a reply from the bot or agent ends their typing indicator. */
export function applyMessage(state: ViewState, m: Message): Partial<ViewState> {
  const conv = state.conversation;
  const conversation = conv && conv.id === m.conversationId ? conv : { id: m.conversationId, state: 'bot' as const, csatPending: false };
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

/** The header line: who the customer is talking to right now. */
export function statusLine(state: ViewState): string {
  if (state.connection === 'reconnecting') return 'Reconnecting…';
  if (state.connection === 'connecting') return 'Connecting…';
  const c = state.conversation;
  if (!c || c.state === 'bot') return 'Ask us anything';
  if (c.state === 'queued') return 'Waiting for an agent…';
  if (c.state === 'agent') return c.agentName ? `You are chatting with ${c.agentName}` : 'You are chatting with an agent';
  return 'Conversation closed';
}
