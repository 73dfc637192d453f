import { toWireMessage, type Conversation, type Message, type Stores } from '../../core/index.js';

export interface SessionConversation {
  id: string;
  state: Conversation['state'];
  agentName?: string;
  csatPending: boolean;
}

export interface SessionPayload {
  visitorToken: string;
  customerId: string;
  conversation: SessionConversation | null;
  history: Message[];
}

export const HISTORY_LIMIT = 100;

/** A closed conversation is still rateable (and shown) while unrated and closed recently enough. */
export function csatPending(conv: Conversation, now: number, windowMs: number): boolean {
  if (conv.state !== 'closed' || conv.csat !== null || !conv.closedAt) return false;
  return now - Date.parse(conv.closedAt) <= windowMs;
}

/** The conversation the widget shows after (re)connecting: the open one, else the last closed one awaiting CSAT. */
export async function currentConversation(
  stores: Stores,
  customerId: string,
  windowMs: number,
  now = Date.now(),
): Promise<Conversation | null> {
  const open = await stores.conversations.findOpen(customerId);
  if (open) return open;
  const latest = await stores.conversations.findLatest(customerId);
  return latest && csatPending(latest, now, windowMs) ? latest : null;
}

export async function buildSession(
  stores: Stores,
  customerId: string,
  visitorToken: string,
  windowMs: number,
): Promise<SessionPayload> {
  const now = Date.now();
  const conv = await currentConversation(stores, customerId, windowMs, now);
  if (!conv) return { visitorToken, customerId, conversation: null, history: [] };
  const history = await stores.conversations.recentMessages(conv.id, HISTORY_LIMIT);
  const conversation: SessionConversation = { id: conv.id, state: conv.state, csatPending: csatPending(conv, now, windowMs) };
  if (conv.state === 'agent' && conv.assignee) conversation.agentName = conv.assignee.name;
  return { visitorToken, customerId, conversation, history: history.map(toWireMessage) };
}
