import { ParleyError } from '../../core/index.js';
import type { Assignee, Conversation, ConversationEvent, Message, StaffActorOptions } from '../../core/index.js';
import { type DialogueContext, getConversation, nowIso, openConversation, postMessage, transitionAndAnnounce } from './context.js';

const staff = (a: Assignee) => ({ kind: 'agent' as const, id: a.id, name: a.name });

/** Customer asks for a human (widget button): creates the conversation if needed; idempotent once queued. */
export async function escalate(ctx: DialogueContext, customerId: string, channel: Conversation['channel'], reason?: string): Promise<Conversation> {
  return ctx.customers.run(customerId, async () => {
    const conv = await openConversation(ctx, customerId, channel);
    // Through the conversation queue so it lands after the customer's pending turns, never in the middle of one.
    return ctx.turns.run(conv.id, async () => {
      const current = await getConversation(ctx, conv.id);
      if (current.state !== 'bot') return current;
      const moved = await transitionAndAnnounce(
        ctx,
        conv.id,
        { event: 'escalate', actor: { kind: 'customer', id: customerId }, ...(reason ? { reason } : {}) },
        (r) => r.connecting,
      );
      await ctx.stores.customers.recordActivity(customerId, { escalations: 1, seenAt: nowIso(ctx) });
      return moved.conversation;
    });
  });
}

/** Atomic in the store: of two concurrent claims exactly one wins (ERR_CONVERSATION_ALREADY_CLAIMED for the other). */
export async function claim(ctx: DialogueContext, conversationId: string, agent: Assignee): Promise<{ conversation: Conversation; event: ConversationEvent }> {
  const { conversation, event } = await transitionAndAnnounce(ctx, conversationId, { event: 'claim', actor: staff(agent), assignee: agent }, (r) => r.joined(agent.name));
  return { conversation, event };
}

export async function release(ctx: DialogueContext, conversationId: string, actor: Assignee, options: StaffActorOptions = {}): Promise<Conversation> {
  const conv = await getConversation(ctx, conversationId);
  if (conv.state === 'agent' && conv.assignee?.id !== actor.id && !options.isAdmin) {
    throw new ParleyError('ERR_CONVERSATION_NOT_ASSIGNED', { conversationId });
  }
  const who = conv.assignee?.name ?? actor.name;
  const moved = await transitionAndAnnounce(ctx, conversationId, { event: 'release', actor: staff(actor) }, (r) => r.released(who));
  return moved.conversation;
}

/** PROTOCOL.md: assignee, or any agent while queued (admins always). Customers then get `csat:request`. */
export async function close(ctx: DialogueContext, conversationId: string, actor: Assignee, options: StaffActorOptions = {}): Promise<Conversation> {
  const conv = await getConversation(ctx, conversationId);
  const allowed = options.isAdmin || conv.state === 'queued' || conv.state === 'closed' || conv.assignee?.id === actor.id;
  if (!allowed) throw new ParleyError('ERR_CONVERSATION_NOT_ASSIGNED', { conversationId });
  const moved = await transitionAndAnnounce(ctx, conversationId, { event: 'close', actor: staff(actor) }, (r) => r.closed);
  ctx.events.emit('csat:request', { conversation: moved.conversation });
  return moved.conversation;
}

/** Only the assignee speaks for the company; retries with the same clientMessageId return the original. */
export async function agentMessage(
  ctx: DialogueContext,
  input: { conversationId: string; agent: Assignee; clientMessageId: string; text: string },
): Promise<{ message: Message; duplicate: boolean }> {
  const conv = await getConversation(ctx, input.conversationId);
  if (conv.state !== 'agent' || conv.assignee?.id !== input.agent.id) {
    throw new ParleyError('ERR_CONVERSATION_NOT_ASSIGNED', { conversationId: input.conversationId });
  }
  return postMessage(ctx, conv, {
    author: 'agent',
    text: input.text,
    agentName: input.agent.name,
    idempotency: { senderKey: `agent:${input.agent.id}`, clientMessageId: input.clientMessageId },
  });
}

export async function typing(ctx: DialogueContext, conversationId: string, author: 'customer' | 'agent', isTyping: boolean): Promise<void> {
  const conv = await getConversation(ctx, conversationId);
  if (conv.state === 'closed') return;
  ctx.events.emit('typing', { conversation: conv, author, typing: isTyping });
}
