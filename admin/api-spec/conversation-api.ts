import { z } from 'zod';
import { idSchema, messageSchema, pageQuerySchema, type RouteSpec } from '../../core/index.js';
import { customerLookupQuery } from '../routes/customer-lookup-routes.js';
import { conversationSummary, customerProfile, customerSummary, listOf } from './shapes.js';

const id = z.object({ id: idSchema });

export const conversationApi: RouteSpec[] = [
  {
    method: 'get', path: '/api/conversations', tag: 'conversations', auth: 'agent', summary: 'Conversation summaries, newest first',
    query: pageQuerySchema.extend({ state: z.string().optional().describe('comma-separated: bot,queued,agent,closed'), customerId: z.string().optional() }),
    responses: { 200: { description: 'A page of summaries', schema: listOf(conversationSummary) } }, examples: [{ name: 'queued', query: { state: 'queued,agent' } }],
  },
  {
    method: 'get', path: '/api/conversations/:id', tag: 'conversations', auth: 'agent', summary: 'One conversation with its messages, events and each message\'s analysis', params: id,
    responses: { 200: { description: 'The conversation', schema: z.looseObject({ conversation: z.unknown(), events: z.array(z.unknown()), messages: z.array(messageSchema.loose()) }) } },
    errors: ['ERR_CONVERSATION_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'cnv_unknown' } }],
  },
  { method: 'get', path: '/api/conversations/:id/customer', tag: 'conversations', auth: 'agent', summary: 'The customer panel of a conversation', params: id, responses: { 200: { description: 'Profile', schema: customerProfile } }, errors: ['ERR_CONVERSATION_NOT_FOUND', 'ERR_CUSTOMER_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'cnv_unknown' } }] },
  {
    method: 'get', path: '/api/conversations/:id/suggestions', tag: 'conversations', auth: 'agent', summary: 'FAQ answers for the customer\'s last message (agent inbox)', params: id,
    responses: { 200: { description: 'Up to 3 hits', schema: listOf(z.unknown()).extend({ forText: z.string().nullable() }) } }, errors: ['ERR_CONVERSATION_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'cnv_unknown' } }],
  },
  {
    method: 'get', path: '/api/customers', tag: 'customers', auth: 'agent', summary: 'Customers newest first, or the ones an external id (the shop\'s customer id) names', query: customerLookupQuery,
    responses: { 200: { description: 'A page of customers', schema: listOf(customerSummary) } }, examples: [{ name: 'by shop id', query: { externalId: 'shop-42' } }],
  },
  { method: 'get', path: '/api/customers/:id', tag: 'customers', auth: 'admin', summary: 'Profile, timeline and CRM insights', params: id, responses: { 200: { description: 'Profile', schema: customerProfile } }, errors: ['ERR_CUSTOMER_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'cus_unknown' } }] },
  { method: 'get', path: '/api/customers/:id/export', tag: 'customers', auth: 'admin', summary: 'Everything stored about a customer (GDPR export, audited)', params: id, responses: { 200: { description: 'Attachment', schema: z.looseObject({}) } }, errors: ['ERR_CUSTOMER_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'cus_unknown' } }] },
  { method: 'delete', path: '/api/customers/:id', tag: 'customers', auth: 'admin', summary: 'Erase a customer from every store and index (audited)', params: id, responses: { 204: { description: 'Erased' } }, errors: ['ERR_CUSTOMER_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'cus_unknown' } }] },
];
