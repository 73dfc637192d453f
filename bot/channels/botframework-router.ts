import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { Router } from 'express';
import { ParleyError, type DialogueApi, type Stores } from '../../core/index.js';
import type { Logger } from '../dialogue/context.js';
import { ParleyActivityBot, REFERENCE_NS, toActivity } from './botframework-bot.js';
import { isOutOfTurn } from './webhook-callback.js';
import { jsonBody } from '../../core/edge/index.js';
import { KeyedSerial } from '../dialogue/keyed-serial.js';

/** botframework-connector's BotFrameworkAuthentication (botbuilder does not re-export the type). */
export type ChannelAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

export interface BotFrameworkRouterDeps {
  dialogue: DialogueApi;
  stores: Stores;
  /** MICROSOFT_APP_ID / _PASSWORD / _TENANT_ID. Without both id and password the channel is off (404), in every mode. */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  /**
   * How inbound tokens are checked and outbound calls signed; by default Microsoft's (built from the credentials).
   * Tests pass one that trusts a local token issuer, so botbuilder's real validation runs offline.
   */
  authentication?: ChannelAuthentication;
  logger?: Logger;
}

/** The channel when credentials are missing: botbuilder would run with authentication off (anyone could post). */
function disabledRouter(): Router {
  const router = Router();
  router.post('/api/messages', () => {
    throw new ParleyError('ERR_BOTFRAMEWORK_DISABLED');
  });
  return router;
}

/**
 * `POST /api/messages`: the Bot Framework activity protocol through botbuilder's CloudAdapter.
 * Every activity must carry a channel token for our app id whose `serviceurl` claim equals the activity's serviceUrl,
 * so replies and the stored references (used for agent messages) only ever go to a serviceUrl Microsoft vouched for.
 */
export function createBotFrameworkRouter(deps: BotFrameworkRouterDeps): Router {
  if (!deps.appId || !deps.appPassword) return disabledRouter();
  const appId = deps.appId;
  const auth =
    deps.authentication ??
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: deps.appPassword,
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
    // botbuilder answers a forged signature with 500; check first so every bad token is a plain 401 ERR_AUTH_INVALID.
    const activity = req.body as Parameters<typeof auth.authenticateRequest>[0];
    try {
      await auth.authenticateRequest(activity, req.get('authorization') ?? '');
    } catch (err) {
      deps.logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'bot framework: activity refused (bad or missing channel token)');
      throw new ParleyError('ERR_AUTH_INVALID');
    }
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  return router;
}
