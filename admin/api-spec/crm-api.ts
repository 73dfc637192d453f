import { z } from 'zod';
import { analyticsRangeSchema, orderSchema, orderStatusSchema, orderUpsertBodySchema, type RouteSpec } from '../../core/index.js';
import { runBodySchema } from '../routes/crm-insight-routes.js';
import { ordersQuery } from '../routes/order-routes.js';
import { csv, jobAccepted, listOf } from './shapes.js';

const order = orderSchema.meta({ id: 'Order' });
const importCsv = (header: string, sample: string): Pick<RouteSpec, 'body' | 'bodyType' | 'examples' | 'errors' | 'responses' | 'description'> => ({
  description: `CSV header \`${header}\`, at most 50 MB; a job whose result is \`{ imported, duplicates, errors: [{ line, message }] }\`. A bad row never stops the others; importing the same file twice changes nothing.`,
  body: z.string(),
  bodyType: 'text/csv',
  responses: { 202: { description: 'The import job', schema: jobAccepted } },
  errors: ['ERR_IMPORT_TOO_LARGE', 'ERR_IMPORT_RUNNING'],
  examples: [{ name: 'two rows', body: `${header}\n${sample}` }],
});
const range = analyticsRangeSchema;

export const crmApi: RouteSpec[] = [
  { method: 'post', path: '/api/orders/import', tag: 'orders', auth: 'admin', summary: 'Import order lines (CSV)', ...importCsv('orderId,customerId,date,productId,quantity,amount', 'o-1,shop-42,2026-11-02,sku-1,1,19.90\no-1,shop-42,2026-11-02,sku-2,2,10') },
  { method: 'post', path: '/api/products/import', tag: 'orders', auth: 'admin', summary: 'Import products (CSV)', ...importCsv('productId,name,category,price', 'sku-1,Blue mug,kitchen,19.90\nsku-2,Tea towel,kitchen,5') },
  { method: 'get', path: '/api/imports/last', tag: 'orders', auth: 'admin', summary: 'The last orders and products import reports', responses: { 200: { description: 'Reports (null before the first import)', schema: z.object({ orders: z.unknown().nullable(), products: z.unknown().nullable() }) } }, examples: [{ name: 'last' }] },
  {
    method: 'put', path: '/api/orders/:orderId', tag: 'orders', auth: 'admin', summary: 'Live order upsert from the shop',
    description: '`customerId` is the shop\'s own customer id (an unknown one creates the customer). 201 when the order is new, 200 otherwise (`outcome` says whether anything changed).',
    params: z.object({ orderId: z.string().min(1) }), body: orderUpsertBodySchema,
    responses: {
      200: { description: 'Updated or unchanged', schema: order.extend({ outcome: z.enum(['updated', 'unchanged']) }) },
      201: { description: 'Inserted', schema: order.extend({ outcome: z.literal('inserted') }) },
    },
    examples: [{ name: 'shipped', params: { orderId: 'o-1001' }, body: { customerId: 'shop-42', date: '2026-12-01T10:00:00Z', status: 'shipped', trackingUrl: 'https://track.example/o-1001', lines: [{ productId: 'sku-1', quantity: 1, amount: 19.9 }] } }],
  },
  { method: 'get', path: '/api/orders', tag: 'orders', auth: 'agent', summary: 'A customer\'s orders, newest first', query: ordersQuery, responses: { 200: { description: 'A page of orders', schema: listOf(order.extend({ status: orderStatusSchema })) } }, errors: ['ERR_CUSTOMER_NOT_FOUND'], examples: [{ name: 'by customer', query: { customerId: 'cus_unknown' } }] },
  { method: 'post', path: '/api/analytics/run', tag: 'analytics', auth: 'admin', summary: 'Recompute every CRM model and rollup as of a date (only data dated before it is used)', body: runBodySchema, responses: { 202: { description: 'The job', schema: jobAccepted } }, examples: [{ name: 'as of', body: { asOf: '2026-12-01' } }] },
  { method: 'get', path: '/api/analytics/crm', tag: 'analytics', auth: 'admin', summary: 'Summary of the latest CRM run', responses: { 200: { description: 'Summary (null before the first run)', schema: z.object({ summary: z.unknown().nullable() }) } }, examples: [{ name: 'summary' }] },
  { method: 'get', path: '/api/analytics/customers.csv', tag: 'analytics', auth: 'admin', summary: 'One row per customer for BI tools', description: 'Columns: externalId,customerId,asOf,orders,revenue,rfmScore,segment,churnRisk,pAlive,expectedOrders,expectedRevenue', responses: { 200: { description: 'CSV', ...csv } }, examples: [{ name: 'all' }] },
  { method: 'get', path: '/api/analytics/overview', tag: 'analytics', auth: 'admin', summary: 'CSAT, sentiment, intents, escalations, churn risk, segments', query: range, responses: { 200: { description: 'Overview', schema: z.looseObject({}) } }, errors: ['ERR_ANALYTICS_NOT_READY'], examples: [{ name: 'November', query: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } }] },
  { method: 'get', path: '/api/analytics/overview.csv', tag: 'analytics', auth: 'admin', summary: 'The overview as CSV', query: range, responses: { 200: { description: 'CSV', ...csv } }, errors: ['ERR_ANALYTICS_NOT_READY'], examples: [{ name: 'all time' }] },
  {
    method: 'get', path: '/api/unanswered', tag: 'analytics', auth: 'admin', summary: 'Questions the bot could not answer, clustered, largest first', query: range.extend({ limit: z.string().optional(), cursor: z.string().optional() }),
    responses: { 200: { description: 'Clusters', schema: listOf(z.object({ key: z.string(), text: z.string(), count: z.number(), examples: z.array(z.string()) })).extend({ total: z.number() }) } },
    examples: [{ name: 'all time' }],
  },
];
