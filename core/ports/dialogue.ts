import type { Assignee, Conversation, ConversationEvent, Csat } from '../schemas/conversation.js';
import type { Message } from '../schemas/message.js';
import type { InboundMessage } from './channel.js';
import type { ConversationEvents } from '../events.js';

export interface HandleResult {
  message: Message;
  conversationId: string;
  duplicate: boolean;
  /**
   * Resolves when the turn is processed (bot replies stored and emitted).
   * Channels ack the client as soon as `handle()` resolves (message durable),
   * and await `processed` only when they must return replies (webhook, Bot Framework).
   */
  processed: Promise<Message[]>;
}

/** Role facts the caller (admin /agent namespace) already verified. */
export interface StaffActorOptions {
  isAdmin?: boolean;
}

/**
 * The dialogue manager as seen by channels (widget/server, admin /agent namespace,
 * webhook, Bot Framework). Implemented in bot/; every state change goes through it
 * so events and the audit trail stay consistent.
 */
export interface DialogueApi {
  readonly events: ConversationEvents;
  /** Persist (idempotent) then process in per-conversation order. */
  handle(inbound: InboundMessage): Promise<HandleResult>;
  escalate(customerId: string, channel: Conversation['channel'], reason?: string): Promise<Conversation>;
  claim(conversationId: string, agent: Assignee): Promise<{ conversation: Conversation; event: ConversationEvent }>;
  /** Assignee, or anyone with `isAdmin` (the caller checked the role). Back to `bot`. */
  release(conversationId: string, actor: Assignee, options?: StaffActorOptions): Promise<Conversation>;
  /** Assignee, any agent while `queued`, or anyone with `isAdmin`. Emits `csat:request`. */
  close(conversationId: string, actor: Assignee, options?: StaffActorOptions): Promise<Conversation>;
  agentMessage(input: { conversationId: string; agent: Assignee; clientMessageId: string; text: string }): Promise<{ message: Message; duplicate: boolean }>;
  submitCsat(customerId: string, input: { conversationId: string; score: number; comment?: string }): Promise<Csat>;
  typing(conversationId: string, author: 'customer' | 'agent', typing: boolean): Promise<void>;
  /** Wait for in-flight turns (graceful shutdown). */
  drain(): Promise<void>;
}
