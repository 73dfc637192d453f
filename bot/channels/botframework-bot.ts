import { createHash } from 'node:crypto';
import { ActionTypes, ActivityHandler, MessageFactory, TurnContext, type CardAction } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { isParleyError } from '../../core/index.js';
import type { DialogueApi, Message, Stores } from '../../core/index.js';
import type { Logger } from '../dialogue/context.js';
import { customerForExternalId } from './external-customer.js';

/** Where proactive (agent) messages go: the last ConversationReference of each botframework customer. */
export const REFERENCE_NS = 'botframework.refs';

/** A Parley message as a Bot Framework activity; suggestions become suggested actions (imBack buttons). */
export function toActivity(m: Message): Partial<Activity> {
  const text = m.author === 'agent' && m.agentName ? `${m.agentName}: ${m.text}` : m.text;
  if (!m.suggestions?.length) return MessageFactory.text(text);
  const actions: CardAction[] = m.suggestions.map((s) => ({ type: ActionTypes.ImBack, title: s.label, value: s.text }));
  return MessageFactory.suggestedActions(actions, text);
}

/** Activity ids can exceed the 64-char clientMessageId limit (Teams): hash long ones, keep short ones readable. */
function clientMessageIdOf(activity: Activity): string {
  const id = activity.id ?? `${activity.conversation?.id ?? ''}:${activity.timestamp?.toString() ?? ''}:${activity.text ?? ''}`;
  return id.length <= 64 ? id : createHash('sha256').update(id).digest('hex').slice(0, 64);
}

const TOO_LONG = 'Sorry, that message is too long for me (4000 characters at most).';

/** Thin Bot Framework channel (STYLE.md §1): activity -> InboundMessage -> dialogue.handle -> replies. */
export class ParleyActivityBot extends ActivityHandler {
  constructor(private readonly deps: { dialogue: DialogueApi; stores: Stores; logger?: Logger }) {
    super();
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    const text = (a.text ?? '').trim();
    if (!text || !a.from?.id) return; // attachments-only or anonymous activities carry nothing we can answer
    const sender = `botframework:${a.channelId}:${a.from.id}`;
    const customer = await customerForExternalId(this.deps.stores, sender, a.from.name || undefined);
    await this.deps.stores.kv.put(REFERENCE_NS, customer.id, TurnContext.getConversationReference(a));
    let replies: Message[];
    try {
      const result = await this.deps.dialogue.handle({ channel: 'botframework', customerId: customer.id, clientMessageId: clientMessageIdOf(a), senderKey: sender, text });
      replies = await result.processed;
    } catch (err) {
      if (isParleyError(err) && err.code === 'ERR_MESSAGE_TOO_LONG') {
        await ctx.sendActivity(TOO_LONG);
        return;
      }
      throw err;
    }
    for (const reply of replies) await ctx.sendActivity(toActivity(reply));
  }
}
