import { EventEmitter } from 'node:events';
import type { Conversation, ConversationEvent } from './schemas/conversation.js';
import type { Message } from './schemas/message.js';

/**
 * What happens in conversations, emitted by bot/ (the dialogue manager) and
 * delivered by the channels: widget/server to customers, admin's /agent
 * namespace to staff, the webhook callback to integrations.
 */
export interface ConversationEventMap {
  /** Any stored message (customer, bot, agent, system). */
  message: { conversation: Conversation; message: Message };
  /** A state transition (escalate, claim, release, close). */
  status: { conversation: Conversation; event: ConversationEvent };
  typing: { conversation: Conversation; author: 'bot' | 'agent' | 'customer'; typing: boolean };
  'csat:request': { conversation: Conversation };
  /** CSAT was stored. */
  csat: { conversation: Conversation };
}

export type ConversationEventName = keyof ConversationEventMap;

/** A typed EventEmitter; listeners run synchronously in emit order (per-conversation order is preserved). */
export class ConversationEvents {
  private readonly emitter = new EventEmitter({ captureRejections: true });

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  on<K extends ConversationEventName>(name: K, listener: (payload: ConversationEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  emit<K extends ConversationEventName>(name: K, payload: ConversationEventMap[K]): void {
    this.emitter.emit(name, payload);
  }
}
