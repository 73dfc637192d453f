import type { Socket } from 'socket.io';
import {
  isParleyError,
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
import { withAck } from '../../core/edge/index.js';
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

  /**
   * Before a write: store an anonymous visitor at its first one (two tabs may race: the loser reads the winner's
   * record), and refuse a customer erased since the handshake (its sockets are being dropped on every node).
   */
  const ensureCustomer = async (): Promise<void> => {
    if (data.pending) {
      try {
        await ctx.stores.customers.create({ id: customerId, visitorToken: data.visitorToken });
      } catch (err) {
        if (!isParleyError(err) || err.code !== 'ERR_STORE_CONFLICT' || !(await ctx.stores.customers.get(customerId))) throw err;
      }
      data.pending = false;
      return;
    }
    if (!(await ctx.stores.customers.get(customerId))) {
      setImmediate(() => socket.disconnect(true));
      throw new ParleyError('ERR_CUSTOMER_NOT_FOUND', { customerId });
    }
  };

  socket.on(
    widgetEvents.message,
    withAck(async (payload) => {
      await limit();
      const input = parseOrThrow(widgetMessageSchema, payload);
      await ensureCustomer();
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
    }, { event: 'message', logger: ctx.logger }),
  );

  socket.on(
    widgetEvents.escalate,
    withAck(async (payload) => {
      await limit();
      const input = parseOrThrow(widgetEscalateSchema, payload);
      await ensureCustomer();
      const conversation = await ctx.dialogue.escalate(customerId, 'widget', input?.reason);
      return { conversationId: conversation.id, state: conversation.state };
    }, { event: 'escalate', logger: ctx.logger }),
  );

  socket.on(
    widgetEvents.csat,
    withAck(async (payload) => {
      await limit();
      const input = parseOrThrow(widgetCsatSchema, payload);
      if (!data.pending) await ensureCustomer();
      const conversation = await ctx.stores.conversations.get(input.conversationId);
      if (!conversation || conversation.customerId !== customerId) {
        throw new ParleyError('ERR_CONVERSATION_NOT_FOUND', { conversationId: input.conversationId });
      }
      const { conversationId, score, comment } = input;
      await ctx.dialogue.submitCsat(customerId, comment === undefined ? { conversationId, score } : { conversationId, score, comment });
      return {};
    }, { event: 'csat', logger: ctx.logger }),
  );

  // No ack by protocol: invalid or excess typing notices are dropped.
  socket.on(widgetEvents.typing, (payload: unknown) => {
    void (async () => {
      if (data.pending || !(await ctx.typingPerSocket.allow(socket.id))) return;
      const parsed = widgetTypingSchema.safeParse(payload);
      if (!parsed.success) return;
      const open = await ctx.stores.conversations.findOpen(customerId);
      if (open) await ctx.dialogue.typing(open.id, 'customer', parsed.data.typing);
    })().catch((err: unknown) => ctx.logger?.debug?.({ err }, 'widget: typing dropped'));
  });
}
