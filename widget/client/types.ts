import type { Message } from '../../core/schemas/index.js';
import type { ConversationState } from '../../core/schemas/index.js';

// Type-only imports: the bundle must not pull zod into the browser.
export type { Message };

/** Server -> client payloads (lenient out: unknown fields are ignored). */
export interface SessionPayload {
  visitorToken: string;
  customerId: string;
  conversation: { id: string; state: ConversationState; agentName?: string; csatPending: boolean } | null;
  history: Message[];
}
export interface StatusPayload {
  conversationId: string;
  state: ConversationState;
  agentName?: string;
}
export interface TypingPayload {
  conversationId: string;
  author: 'bot' | 'agent';
  typing: boolean;
}
export interface ErrorShape {
  code: string;
  message: string;
}
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorShape };

export interface Identity {
  userId: string;
  email?: string;
  name?: string;
  hmac: string;
}

/** One line in the chat: a server message, or a customer message not yet acknowledged. */
export interface ChatItem {
  key: string;
  id?: string;
  author: Message['author'];
  text: string;
  createdAt: string;
  agentName?: string;
  suggestions?: { label: string; text: string }[];
  /** Outgoing only: `sending` in flight, `queued` waiting for a connection, `failed` refused by the server. */
  delivery?: 'sending' | 'queued' | 'failed';
  errorCode?: string;
}

export type Connection = 'idle' | 'connecting' | 'online' | 'reconnecting';

export interface ViewState {
  open: boolean;
  connection: Connection;
  conversation: SessionPayload['conversation'];
  items: ChatItem[];
  typing: { author: 'bot' | 'agent'; name?: string } | null;
  csat: 'none' | 'pending' | 'sending' | 'done';
  unread: number;
  notice: string | null;
}

export type ParleyEvent = 'message' | 'status' | 'open' | 'close' | 'session' | 'error';
