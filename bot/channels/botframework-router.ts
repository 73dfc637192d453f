import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { Router } from 'express';
import type { DialogueApi, Stores } from '../../core/index.js';
import type { Logger } from '../dialogue/context.js';
import { ParleyActivityBot, REFERENCE_NS, toActivity } from './botframework-bot.js';
import { isOutOfTurn } from './webhook-callback.js';
import { jsonBody } from './json-body.js';
import { KeyedSerial } from '../dialogue/keyed-serial.js';

export interface BotFrameworkRouterDeps {
  dialogue: DialogueApi;
  stores: Stores;
  /** MICROSOFT_APP_ID / _PASSWORD / _TENANT_ID. Empty = authentication OFF (app/config refuses that in production). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  logger?: Logger;
}

/** `POST /api/messages`: the Bot Framework activity protocol through botbuilder's CloudAdapter. */
export function createBotFrameworkRouter(deps: BotFrameworkRouterDeps): Router {
  const appId = deps.appId ?? '';
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: deps.appPassword ?? '',
    MicrosoftAppType: deps.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(deps.tenantId ? { MicrosoftAppTenantId: deps.tenantId } : {}),
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (ctx, err) => {
    deps.logger?.error({ err, channelId: ctx.activity.channelId }, 'bot framework turn failed');
    await ctx.sendActivity('Sorry, something went wrong on our side. Please try again.').catch(() => undefined);
  };
  const bot = new ParleyActivityBot(deps);

  // Agents answer outside any customer turn: push their messages (and handoff notices) proactively, best effort.
  // One push at a time per conversation so "Ann joined" arrives before Ann's first words.
  const outbox = new KeyedSerial();
  deps.dialogue.events.on('message', ({ conversation, message }) => {
    if (conversation.channel !== 'botframework' || !isOutOfTurn(message)) return;
    void outbox.run(conversation.id, async () => {
      const reference = await deps.stores.kv.get<Partial<ConversationReference>>(REFERENCE_NS, conversation.customerId);
      if (!reference) throw new Error('no conversation reference stored');
      await adapter.continueConversationAsync(appId, reference, async (ctx) => {
        await ctx.sendActivity(toActivity(message));
      });
    }).catch((err: unknown) => deps.logger?.warn({ err, conversationId: conversation.id }, 'bot framework proactive message failed'));
  });

  const router = Router();
  router.post('/api/messages', jsonBody('256kb'), async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  return router;
}
