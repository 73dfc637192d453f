import type { Namespace } from 'socket.io';
import { toWireMessage, type DialogueApi, type Stores } from '../../core/index.js';
import type { AdminLogger } from '../deps.js';
import { summarise } from '../http/summaries.js';
import { loadQueue } from './queue.js';

/** Room of every agent socket, and of one agent's sockets. */
export const ALL = 'agents';
export const room = (userId: string) => `agent:${userId}`;

/** Dialogue events to agents: queue and conversation updates to all, customer messages and typing to the assignee. */
export function attachBroadcasts(nsp: Namespace, dialogue: DialogueApi, stores: Stores, logger: AdminLogger): { detach(): void } {
  // Several changes in one tick (message + state change) produce one queue broadcast.
  let queueTimer: NodeJS.Timeout | null = null;
  const broadcastQueue = () => {
    if (queueTimer) return;
    queueTimer = setTimeout(() => {
      queueTimer = null;
      loadQueue(stores).then(
        (conversations) => nsp.to(ALL).emit('queue', { conversations }),
        (err: unknown) => logger.error({ err }, 'queue broadcast failed'),
      );
    }, 20);
  };

  const offs = [
    dialogue.events.on('status', ({ conversation }) => {
      summarise([conversation], stores.customers).then(
        ([summary]) => nsp.to(ALL).emit('conversation', summary),
        (err: unknown) => logger.error({ err }, 'conversation broadcast failed'),
      );
      broadcastQueue();
    }),
    dialogue.events.on('message', ({ conversation, message }) => {
      if (message.author === 'customer' && conversation.state === 'agent' && conversation.assignee) {
        nsp.to(room(conversation.assignee.id)).emit('message', toWireMessage(message));
      }
      if (conversation.state === 'queued' || conversation.state === 'agent') broadcastQueue();
    }),
    dialogue.events.on('typing', ({ conversation, author, typing }) => {
      if (author === 'customer' && conversation.state === 'agent' && conversation.assignee) {
        nsp.to(room(conversation.assignee.id)).emit('typing', { conversationId: conversation.id, author: 'customer', typing });
      }
    }),
  ];
  return {
    detach() {
      for (const off of offs) off();
      if (queueTimer) clearTimeout(queueTimer);
    },
  };
}
