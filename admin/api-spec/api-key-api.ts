import { z } from 'zod';
import { apiKeyCreateSchema, apiKeyScopeSchema, apiKeySchema, pageQuerySchema, type RouteSpec } from '../../core/index.js';
import { listOf } from './shapes.js';

const apiKey = apiKeySchema.meta({ id: 'ApiKey' });

export const apiKeyApi: RouteSpec[] = [
  { method: 'get', path: '/api/api-keys', tag: 'api keys', auth: 'admin', summary: 'Integration keys, newest first (revoked ones included; never the secret)', query: pageQuerySchema, responses: { 200: { description: 'A page of keys, and the scopes a key may have', schema: listOf(apiKey).extend({ knownScopes: z.array(apiKeyScopeSchema) }) } }, examples: [{ name: 'all' }] },
  {
    method: 'post', path: '/api/api-keys', tag: 'api keys', auth: 'admin', summary: 'Mint an integration key; the response is the only time the key is shown',
    description: 'Only the SHA-256 of the key is stored. Unknown scopes are refused (400 ERR_VALIDATION).',
    body: apiKeyCreateSchema, responses: { 201: { description: 'The key record plus `key`, the secret', schema: apiKey.extend({ key: z.string().regex(/^prl_/) }) } },
    examples: [{ name: 'shop orders', body: { name: 'Shop backend', scopes: ['orders:write', 'customers:read'] } }],
  },
  { method: 'delete', path: '/api/api-keys/:id', tag: 'api keys', auth: 'admin', summary: 'Revoke a key (it stays listed, revoked); its next use gets 401', params: z.object({ id: z.string() }), responses: { 204: { description: 'Revoked' } }, errors: ['ERR_API_KEY_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'key_unknown' } }] },
];
