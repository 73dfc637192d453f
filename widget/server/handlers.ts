import type { Socket } from 'socket.io';
import {
  parseOrThrow,
  ParleyError,
  toWireMessage,
  widgetCsatSchema,
  widgetEscalateSchema,
  widgetEvents,
  widgetMessageSchema,
  widgetTypingSchema,
  type DialogueApi,
  type Stores,
} from '../../core/index.js';
import { withAck } from './ack.js';
import type { Limiter } from './rate-limit.js';
import { customerRoom, customerSenderKey, type WidgetLogger, type WidgetSocketData } from './types.js';

export interface HandlerContext {
  dialogue: DialogueApi;
  stores: Stores;
  logger?: WidgetLogger;
  actionsPerSocket: Limiter;
  actionsPerIp: Limiter;
  typingPerSocket: Limiter;
}

/** Client -> server events of the /widget namespace (PROTOCOL.md). The channel only validates, maps and delegates. */
export function registerHandlers(socket: Socket, ctx: HandlerContext): void {
  const data = socket.data as WidgetSocketData;
  const { customerId } = data;
  const room = customerRoom(customerId);

  const limit = async (): Promise<void> => {
    await ctx.actionsPerSocket.consume(socket.id);
    await ctx.actionsPerIp.consume(data.ip);
  };

  socket.on(
    widgetEvents.message,
    withAck(async (payload) => {
      await limit();
      const input = parseOrThrow(widgetMessageSchema, payload);
      const result = await ctx.dialogue.handle({
        channel: 'widget',
        customerId,
        clientMessageId: input.clientMessageId,
        senderKey: customerSenderKey(customerId),
        text: input.text,
        ...(data.locale ? { locale: data.locale } : {}),
      });
      // The customer's other tabs see the message; the sending socket already shows it.
      if (!result.duplicate) socket.to(room).emit(widgetEvents.message, toWireMessage(result.message));
      return { messageId: result.message.id, conversationId: result.conversationId, duplicate: result.duplicate };
    }, ctx.logger, 'message'),
  );

  socket.on(
    widgetEvents.escalate,
    withAck(async (payload) => {
      await limit();
      const input = parseOrThrow(widgetEscalateSchema, payload);
      const conversation = await ctx.dialogue.escalate(customerId, 'widget', input?.reason);
      return { conversationId: conversation.id, state: conversation.state };
    }, ctx.logger, 'escalate'),
  );

  socket.on(
    widgetEvents.csat,
    withAck(async (payload) => {
      await limit();
      const input = parseOrThrow(widgetCsatSchema, payload);
      const conversation = await ctx.stores.conversations.get(input.conversationId);
      if (!conversation || conversation.customerId !== customerId) {
        throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { conversationId: input.conversationId });
      }
      const { conversationId, score, comment } = input;
      await ctx.dialogue.submitCsat(customerId, comment === undefined ? { conversationId, score } : { conversationId, score, comment });
      return {};
    }, ctx.logger, 'csat'),
  );

  // No ack by protocol: invalid or excess typing notices are dropped.
  socket.on(widgetEvents.typing, (payload: unknown) => {
    void (async () => {
      if (!(await ctx.typingPerSocket.allow(socket.id))) return;
      const parsed = widgetTypingSchema.safeParse(payload);
      if (!parsed.success) return;
      const open = await ctx.stores.conversations.findOpen(customerId);
      if (open) await ctx.dialogue.typing(open.id, 'customer', parsed.data.typing);
    })().catch((err: unknown) => ctx.logger?.debug({ err }, 'widget: typing dropped'));
  });
}
