import { z } from 'zod';
import { entityDefinitionSchema, faqEntrySchema, faqInputSchema, intentNameSchema, intentSchema, nluTestSchema, pageQuerySchema, type RouteSpec } from '../../core/index.js';
import { importSchema } from '../routes/faq-routes.js';
import { jobAccepted, jobView, listOf } from './shapes.js';

const faq = faqEntrySchema.meta({ id: 'FaqEntry' });
const faqId = z.object({ id: z.string().min(1).max(128) });
const named = z.object({ name: intentNameSchema });
const intentOut = z.looseObject({ name: z.string(), utterances: z.array(z.string()) });
const faqExample = { question: 'How do I return an item?', answer: 'Send it back within 30 days with the receipt.', alternates: ['return policy'], tags: ['returns'] };
const intentExample = { name: 'track_order', utterances: ['where is my order', 'track my package'], answer: 'Let me check that for you.' };
const entityExample = { name: 'colour', type: 'enum', options: [{ value: 'red', synonyms: ['crimson'] }] };

export const knowledgeApi: RouteSpec[] = [
  {
    method: 'get', path: '/api/faqs', tag: 'faqs', auth: 'admin', summary: 'FAQ entries (optionally searched by words or a tag)',
    query: pageQuerySchema.extend({ q: z.string().optional(), tag: z.string().optional() }),
    responses: { 200: { description: 'A page of entries', schema: listOf(faq) } }, examples: [{ name: 'by tag', query: { tag: 'returns' } }],
  },
  {
    method: 'get', path: '/api/faqs/export', tag: 'faqs', auth: 'admin', summary: 'Every FAQ entry as JSON, or CSV with `format=csv`',
    query: z.object({ format: z.enum(['json', 'csv']).optional() }),
    responses: { 200: { description: 'All entries (attachment)', schema: listOf(faqInputSchema) } }, examples: [{ name: 'json' }],
  },
  {
    method: 'post', path: '/api/faqs/import', tag: 'faqs', auth: 'admin', summary: 'Import rows or CSV (all-or-nothing unless `partial`)', body: importSchema,
    responses: { 200: { description: 'Import report', schema: z.object({ rows: z.number(), imported: z.number(), errors: z.array(z.unknown()) }) } },
    errors: ['ERR_FAQ_IMPORT_INVALID', 'ERR_IMPORT_TOO_LARGE'],
    examples: [{ name: 'rows', body: { rows: [faqExample] } }],
  },
  { method: 'post', path: '/api/faqs', tag: 'faqs', auth: 'admin', summary: 'Create an FAQ entry', body: faqInputSchema, responses: { 201: { description: 'Created', schema: faq } }, errors: ['ERR_FAQ_DUPLICATE'], examples: [{ name: 'returns', body: faqExample }] },
  { method: 'get', path: '/api/faqs/:id', tag: 'faqs', auth: 'admin', summary: 'One FAQ entry', params: faqId, responses: { 200: { description: 'The entry', schema: faq } }, errors: ['ERR_FAQ_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'no-such-faq' } }] },
  { method: 'put', path: '/api/faqs/:id', tag: 'faqs', auth: 'admin', summary: 'Replace an FAQ entry', params: faqId, body: faqInputSchema, responses: { 200: { description: 'Updated', schema: faq } }, errors: ['ERR_FAQ_NOT_FOUND'], examples: [{ name: 'edit', params: { id: 'no-such-faq' }, body: faqExample }] },
  { method: 'delete', path: '/api/faqs/:id', tag: 'faqs', auth: 'admin', summary: 'Delete an FAQ entry', params: faqId, responses: { 204: { description: 'Deleted' } }, errors: ['ERR_FAQ_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'no-such-faq' } }] },
  {
    method: 'get', path: '/api/intents', tag: 'intents', auth: 'admin', summary: 'Intents with their accuracy in the active model',
    responses: { 200: { description: 'All intents (one page) and the active model', schema: listOf(intentOut).extend({ model: z.unknown().nullable() }) } }, examples: [{ name: 'all' }],
  },
  {
    method: 'post', path: '/api/intents', tag: 'intents', auth: 'admin', summary: 'Create an intent (takes effect at the next training)',
    description: 'v1.1: `slots` make the intent a form; `confirm` is shown (rendered) before answering.',
    body: intentSchema, responses: { 201: { description: 'Created', schema: intentOut } }, errors: ['ERR_INTENT_DUPLICATE'], examples: [{ name: 'track order', body: intentExample }],
  },
  { method: 'get', path: '/api/intents/:name', tag: 'intents', auth: 'admin', summary: 'One intent', params: named, responses: { 200: { description: 'The intent', schema: intentOut } }, errors: ['ERR_INTENT_NOT_FOUND'], examples: [{ name: 'unknown', params: { name: 'no_such_intent' } }] },
  {
    method: 'put', path: '/api/intents/:name', tag: 'intents', auth: 'admin', summary: 'Replace an intent (`name` may be left out: the URL names it)', params: named, body: intentSchema,
    responses: { 200: { description: 'Updated', schema: intentOut } }, errors: ['ERR_INTENT_NOT_FOUND'], examples: [{ name: 'edit', params: { name: 'no_such_intent' }, body: { ...intentExample, name: 'no_such_intent' } }],
  },
  { method: 'delete', path: '/api/intents/:name', tag: 'intents', auth: 'admin', summary: 'Delete an intent', params: named, responses: { 204: { description: 'Deleted' } }, errors: ['ERR_INTENT_NOT_FOUND'], examples: [{ name: 'unknown', params: { name: 'no_such_intent' } }] },
  { method: 'get', path: '/api/entities', tag: 'entities', auth: 'admin', summary: 'Admin-defined entities', responses: { 200: { description: 'All entities', schema: listOf(z.looseObject({ name: z.string(), type: z.enum(['enum', 'regex']) })) } }, examples: [{ name: 'all' }] },
  { method: 'post', path: '/api/entities', tag: 'entities', auth: 'admin', summary: 'Create an entity (enum with synonyms, or regex)', body: entityDefinitionSchema, responses: { 201: { description: 'Created', schema: z.looseObject({ name: z.string() }) } }, examples: [{ name: 'enum', body: entityExample }] },
  { method: 'get', path: '/api/entities/:name', tag: 'entities', auth: 'admin', summary: 'One entity', params: named, responses: { 200: { description: 'The entity', schema: z.looseObject({ name: z.string() }) } }, errors: ['ERR_ENTITY_NOT_FOUND'], examples: [{ name: 'unknown', params: { name: 'no_such_entity' } }] },
  { method: 'put', path: '/api/entities/:name', tag: 'entities', auth: 'admin', summary: 'Replace an entity', params: named, body: entityDefinitionSchema, responses: { 200: { description: 'Updated', schema: z.looseObject({ name: z.string() }) } }, errors: ['ERR_ENTITY_NOT_FOUND'], examples: [{ name: 'edit', params: { name: 'no_such_entity' }, body: { ...entityExample, name: 'no_such_entity' } }] },
  { method: 'delete', path: '/api/entities/:name', tag: 'entities', auth: 'admin', summary: 'Delete an entity', params: named, responses: { 204: { description: 'Deleted' } }, errors: ['ERR_ENTITY_NOT_FOUND'], examples: [{ name: 'unknown', params: { name: 'no_such_entity' } }] },
  { method: 'post', path: '/api/nlu/train', tag: 'nlu', auth: 'admin', summary: 'Retrain the NLU model as a job (chats keep the active model meanwhile)', responses: { 202: { description: 'The job', schema: jobAccepted } }, examples: [{ name: 'train' }] },
  { method: 'get', path: '/api/jobs/:id', tag: 'nlu', auth: 'admin', summary: 'A job: training, imports, analytics runs', params: z.object({ id: z.string() }), responses: { 200: { description: 'The job', schema: jobView } }, errors: ['ERR_JOB_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'job_unknown' } }] },
  {
    method: 'post', path: '/api/nlu/test', tag: 'nlu', auth: 'admin', summary: 'Full analysis of a text and what the bot would do', body: nluTestSchema,
    responses: { 200: { description: 'Analysis', schema: z.looseObject({ intent: z.unknown().nullable(), entities: z.unknown(), sentiment: z.unknown(), faq: z.unknown(), decision: z.unknown() }) } },
    errors: ['ERR_MESSAGE_TOO_LONG', 'ERR_NLU_NOT_TRAINED'], examples: [{ name: 'greeting', body: { text: 'hello there' } }],
  },
];
