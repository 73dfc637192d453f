import { z } from 'zod';
import { customerPrioritySchema, recommendationsQuerySchema, type RouteSpec } from '../../core/index.js';
import { actionTestBodySchema } from '../routes/intent-action-routes.js';

const recommendation = z.object({ productId: z.string(), name: z.string().optional(), score: z.number(), reason: z.string() });

/** CRM in the conversation (issue 17): recommendations, intent-action test calls, customer priority, retention. */
export const engagementApi: RouteSpec[] = [
  {
    method: 'get', path: '/api/customers/:id/recommendations', tag: 'customers', auth: 'agent', summary: "A customer's product recommendations, best first",
    description: '`new=true` lists only products the customer never bought (discovery); otherwise re-buys may lead. A product the customer just returned is never listed.',
    params: z.object({ id: z.string() }), query: recommendationsQuerySchema,
    responses: { 200: { description: 'Recommendations', schema: z.object({ items: z.array(recommendation) }) } },
    errors: ['ERR_CUSTOMER_NOT_FOUND'],
    examples: [{ name: 'unknown customer', params: { id: 'cus_unknown' }, query: { limit: '5', new: 'true' } }],
  },
  {
    method: 'post', path: '/api/intents/:name/action/test', tag: 'intents', auth: 'admin', summary: "One signed call to the intent's http action, as the bot would make it",
    description: 'Answers what the backend said (`ok`, `reply` or the reason it gave nothing usable, and `ms`). Needs `ACTIONS_SECRET`.',
    params: z.object({ name: z.string() }), body: actionTestBodySchema,
    responses: { 200: { description: 'The call and its outcome', schema: z.looseObject({ ok: z.boolean() }) } },
    errors: ['ERR_INTENT_NOT_FOUND', 'ERR_ACTIONS_SECRET_MISSING'],
    examples: [{ name: 'unknown intent', params: { name: 'no_such_intent' }, body: { action: { type: 'http', url: 'http://127.0.0.1:9/action' } } }],
  },
  {
    method: 'get', path: '/api/settings/customer-priority', tag: 'settings', auth: 'admin', summary: 'Who the agent queue puts first, and the retention offer',
    responses: { 200: { description: 'The setting', schema: customerPrioritySchema } }, examples: [{ name: 'get' }],
  },
  {
    method: 'put', path: '/api/settings/customer-priority', tag: 'settings', auth: 'admin', summary: 'Change the priority thresholds, handoff tolerance and retention offer',
    body: customerPrioritySchema, responses: { 200: { description: 'The stored setting', schema: customerPrioritySchema } },
    examples: [{ name: 'top decile, risk 0.7', body: { enabled: true, highValueTopShare: 0.1, churnRiskAtLeast: 0.7, escalateAfterFallbacks: 1 } }],
  },
  {
    method: 'get', path: '/api/analytics/retention', tag: 'analytics', auth: 'admin', summary: 'Retention offers made and customers who stayed',
    responses: { 200: { description: 'Counts', schema: z.looseObject({}) } }, examples: [{ name: 'get' }],
  },
];
