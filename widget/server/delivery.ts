import type { Namespace } from 'socket.io';
import { toWireMessage, widgetEvents, type ConversationEvents } from '../../core/index.js';
import { customerRoom } from './types.js';

/**
 * Server -> customer delivery: what the dialogue manager reports about widget
 * conversations goes to every socket of that customer (room `customer:<id>`).
 * Customer-authored messages are sent by the message handler instead, so the
 * sending socket can be excluded. Returns the unsubscribe function.
 */
export function deliverConversationEvents(nsp: Namespace, events: ConversationEvents): () => void {
  const offs = [
    events.on('message', ({ conversation, message }) => {
      if (conversation.channel !== 'widget' || message.author === 'customer') return;
      nsp.to(customerRoom(conversation.customerId)).emit(widgetEvents.message, toWireMessage(message));
    }),
    events.on('status', ({ conversation }) => {
      if (conversation.channel !== 'widget') return;
      const status: { conversationId: string; state: string; agentName?: string } = {
        conversationId: conversation.id,
        state: conversation.state,
      };
      if (conversation.state === 'agent' && conversation.assignee) status.agentName = conversation.assignee.name;
      nsp.to(customerRoom(conversation.customerId)).emit(widgetEvents.status, status);
    }),
    events.on('typing', ({ conversation, author, typing }) => {
      if (conversation.channel !== 'widget' || author === 'customer') return;
      nsp.to(customerRoom(conversation.customerId)).emit(widgetEvents.typing, { conversationId: conversation.id, author, typing });
    }),
    events.on('csat:request', ({ conversation }) => {
      if (conversation.channel !== 'widget') return;
      nsp.to(customerRoom(conversation.customerId)).emit(widgetEvents.csatRequest, { conversationId: conversation.id });
    }),
  ];
  return () => offs.forEach((off) => off());
}
