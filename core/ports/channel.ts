import type { ChannelName } from '../schemas/conversation.js';
import type { Message } from '../schemas/message.js';

/** A customer message after a channel validated and normalised it. */
export interface InboundMessage {
  channel: ChannelName;
  customerId: string;
  clientMessageId: string;
  /** Idempotency scope of clientMessageId (`customer:<id>`, `webhook:<userId>`...). */
  senderKey: string;
  text: string;
  /** The customer's locale when the channel knows it (widget: data-parley-locale, else navigator.language). */
  locale?: string;
}

/** Outbound delivery of what happens in a conversation to the customer's channel. */
export interface CustomerDelivery {
  message(customerId: string, message: Message): void;
  status(customerId: string, status: { conversationId: string; state: string; agentName?: string }): void;
  typing(customerId: string, typing: { conversationId: string; author: 'bot' | 'agent'; typing: boolean }): void;
  csatRequest(customerId: string, payload: { conversationId: string }): void;
}
