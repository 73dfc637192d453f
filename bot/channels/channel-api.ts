import { z } from 'zod';
import { intentActionCallSchema, intentActionReplySchema, messageSchema, webhookCallbackBodySchema, webhookMessageSchema, type OutboundCallSpec, type RouteSpec } from '../../core/index.js';

const SIGNATURE = 'Verify `X-Parley-Signature` (hex HMAC-SHA256 of the raw body bytes) with a constant-time comparison before trusting the body.';

/** The channel routes' OpenAPI descriptions (the same schemas webhook-router.ts validates with). */
export const channelApi: RouteSpec[] = [
  {
    method: 'post', path: '/api/webhook/messages', tag: 'webhook channel', auth: 'none', summary: 'Send a customer message; the replies of this turn come back',
    description:
      'Webhook users are their own customers (`userId` scoped to the channel). `clientMessageId` makes retries safe: a duplicate returns the stored replies. ' +
      'Agent replies and status changes arrive later at WEBHOOK_CALLBACK_URL (see the `webhookCallback` webhook).',
    body: webhookMessageSchema,
    responses: { 200: { description: 'The bot\'s replies to this message', schema: z.object({ replies: z.array(messageSchema.meta({ id: 'Message' })) }) } },
    errors: ['ERR_MESSAGE_TOO_LONG', 'ERR_WEBHOOK_DISABLED'],
    examples: [{ name: 'question', body: { userId: 'shop-user-42', clientMessageId: 'msg-0001', text: 'Where is my order?' } }],
  },
  {
    method: 'post', path: '/api/messages', tag: 'bot framework channel', auth: 'botframework', summary: 'Bot Framework activity endpoint (Teams, Slack via Azure Bot Service...)',
    description: 'The Bot Framework activity protocol (botbuilder CloudAdapter). Off (404) without MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.',
    body: z.looseObject({ type: z.string() }).describe('A Bot Framework Activity'),
    responses: { 200: { description: 'Processed' } },
    errors: ['ERR_BOTFRAMEWORK_DISABLED'],
  },
];

export const outboundApi: OutboundCallSpec[] = [
  {
    name: 'webhookCallback',
    summary: 'Agent replies and status changes of webhook conversations',
    description:
      `POSTed to WEBHOOK_CALLBACK_URL when it is set; the secret is WEBHOOK_API_KEY. ${SIGNATURE} ` +
      'Posts of one conversation arrive one at a time, in order. A 5xx, 408, 429 or network error is retried after 0.2 s, 1 s and 3 s; other 4xx are not retried.',
    body: webhookCallbackBodySchema,
    example: { type: 'message', userId: 'shop-user-42', conversationId: 'cnv_01', message: { id: 'msg_9', conversationId: 'cnv_01', author: 'agent', text: 'Hi, Ann here: your parcel left today.', createdAt: '2026-12-07T10:00:00.000Z', agentName: 'Ann' } },
  },
  {
    name: 'intentAction',
    summary: 'An intent action of type `http`, called when its intent is recognised',
    description:
      `POSTed to the action's \`url\`; the secret is ACTIONS_SECRET. ${SIGNATURE} ` +
      'Answer within the action\'s timeout; a timeout, an error or a bad answer gives the intent\'s fallback reply and never delays other conversations.',
    body: intentActionCallSchema,
    reply: intentActionReplySchema,
    example: { intent: 'order_status', entities: { order_id: 'o-1001' }, text: 'where is order o-1001?', locale: 'en', conversationId: 'cnv_01', customer: { id: 'cus_1', externalId: 'shop-42', segment: 'loyal' } },
  },
];
