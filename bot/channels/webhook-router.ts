import { createHash } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { isParleyError, ParleyError, parseOrThrow, safeEqual, toWireMessage, webhookMessageSchema } from '../../core/index.js';
import type { DialogueApi, Stores } from '../../core/index.js';
import type { Logger } from '../dialogue/context.js';
import { customerForExternalId } from './external-customer.js';
import { jsonBody } from '../../core/edge/index.js';
import { startWebhookCallbacks } from './webhook-callback.js';

export interface WebhookRouterDeps {
  dialogue: DialogueApi;
  stores: Stores;
  /** WEBHOOK_API_KEY; without it (and without `authenticate`) the route answers 404 ERR_WEBHOOK_DISABLED. Also signs the callbacks. */
  apiKey?: string;
  /** Integration keys with the webhook:messages scope (app/compose passes admin's API key gate, which also accepts WEBHOOK_API_KEY). */
  authenticate?: RequestHandler;
  /** With `authenticate`: whether any key could open the channel now; a refused call while none can is 404 ERR_WEBHOOK_DISABLED. */
  channelOpen?: () => Promise<boolean>;
  /** WEBHOOK_CALLBACK_URL: agent replies and status changes are POSTed there, signed. */
  callbackUrl?: string;
  logger?: Logger;
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * `POST /api/webhook/messages` (PROTOCOL.md). Thin: authenticate, validate, map to
 * InboundMessage, call the dialogue manager, return the replies of this turn.
 */
export function createWebhookRouter(deps: WebhookRouterDeps): Router {
  const router = Router();
  const keyDigest = deps.apiKey ? digest(deps.apiKey) : null;
  if (deps.apiKey && deps.callbackUrl) {
    startWebhookCallbacks({ events: deps.dialogue.events, stores: deps.stores, url: deps.callbackUrl, secret: deps.apiKey, logger: deps.logger });
  }

  router.post(
    '/api/webhook/messages',
    (deps.authenticate && deps.channelOpen ? offWhenNoKey(deps.authenticate, deps.channelOpen) : deps.authenticate) ??
    ((req, _res, next) => {
      if (!keyDigest) return next(new ParleyError('ERR_WEBHOOK_DISABLED'));
      // Hash both sides first so the comparison is constant-time whatever the key length.
      if (!safeEqual(digest(req.get('x-api-key') ?? ''), keyDigest)) return next(new ParleyError('ERR_WEBHOOK_KEY'));
      next();
    }),
    jsonBody('64kb'),
    async (req, res) => {
      const body = parseOrThrow(webhookMessageSchema, req.body);
      const externalId = `webhook:${body.userId}`;
      const customer = await customerForExternalId(deps.stores, externalId);
      const result = await deps.dialogue.handle({
        channel: 'webhook',
        customerId: customer.id,
        clientMessageId: body.clientMessageId,
        senderKey: externalId,
        text: body.text,
      });
      const replies = await result.processed;
      res.status(200).json({ replies: replies.map(toWireMessage) });
    },
  );
  return router;
}

/**
 * Keys are minted at runtime, so "the channel is off" is a question for the key store: asked only after a refusal,
 * so accepted calls pay nothing, and integrators keep PROTOCOL's 404 ERR_WEBHOOK_DISABLED while no key exists.
 */
function offWhenNoKey(authenticate: RequestHandler, channelOpen: () => Promise<boolean>): RequestHandler {
  return async (req, res, next) => {
    try {
      await new Promise<void>((resolve, reject) => {
        Promise.resolve(authenticate(req, res, (err?: unknown) => (err ? reject(err) : resolve()))).catch(reject);
      });
    } catch (err) {
      if (isParleyError(err) && err.code === 'ERR_WEBHOOK_KEY' && !(await channelOpen())) throw new ParleyError('ERR_WEBHOOK_DISABLED');
      throw err;
    }
    next();
  };
}
