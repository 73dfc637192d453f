import { z } from 'zod';
import { auditEventSchema, idSchema, loginSchema, pageQuerySchema, userCreateSchema, userUpdateSchema, type RouteSpec } from '../../core/index.js';
import { listOf, publicUser } from './shapes.js';

const token = z.object({ token: z.string(), user: publicUser });
const userId = z.object({ id: idSchema });

export const staffApi: RouteSpec[] = [
  {
    method: 'post', path: '/api/auth/login', tag: 'auth', auth: 'none', summary: 'Sign in (staff)',
    description: 'Rate limited per IP and per email.',
    body: loginSchema, responses: { 200: { description: 'A 15-minute token and the user', schema: token } },
    errors: ['ERR_AUTH_INVALID', 'ERR_RATE_LIMITED'],
    examples: [{ name: 'login', body: { email: 'admin@example.com', password: 'correct horse battery' } }],
  },
  { method: 'get', path: '/api/auth/me', tag: 'auth', auth: 'agent', summary: 'The signed-in user', responses: { 200: { description: 'The user', schema: z.object({ user: publicUser }) } }, examples: [{ name: 'me' }] },
  { method: 'post', path: '/api/auth/refresh', tag: 'auth', auth: 'agent', summary: 'A fresh token for a still-valid one', responses: { 200: { description: 'New token', schema: token } }, examples: [{ name: 'refresh' }] },
  { method: 'get', path: '/api/users', tag: 'users', auth: 'admin', summary: 'Staff users', query: pageQuerySchema, responses: { 200: { description: 'A page of users', schema: listOf(publicUser) } }, examples: [{ name: 'first page', query: { limit: '10' } }] },
  {
    method: 'post', path: '/api/users', tag: 'users', auth: 'admin', summary: 'Create a staff user', body: userCreateSchema,
    responses: { 201: { description: 'Created', schema: publicUser } }, errors: ['ERR_USER_DUPLICATE'],
    examples: [{ name: 'agent', body: { email: 'ann@example.com', name: 'Ann', role: 'agent', password: 'a long password' } }],
  },
  { method: 'get', path: '/api/users/:id', tag: 'users', auth: 'admin', summary: 'One staff user', params: userId, responses: { 200: { description: 'The user', schema: publicUser } }, errors: ['ERR_USER_NOT_FOUND'], examples: [{ name: 'unknown', params: { id: 'usr_unknown' } }] },
  {
    method: 'put', path: '/api/users/:id', tag: 'users', auth: 'admin', summary: 'Update a staff user (password only when changing it)', params: userId, body: userUpdateSchema,
    responses: { 200: { description: 'Updated', schema: publicUser } }, errors: ['ERR_USER_NOT_FOUND', 'ERR_USER_DUPLICATE', 'ERR_USER_LAST_ADMIN'],
    examples: [{ name: 'rename', params: { id: 'usr_unknown' }, body: { name: 'Ann B.' } }],
  },
  { method: 'delete', path: '/api/users/:id', tag: 'users', auth: 'admin', summary: 'Delete a staff user', params: userId, responses: { 204: { description: 'Deleted' } }, errors: ['ERR_USER_NOT_FOUND', 'ERR_USER_LAST_ADMIN'], examples: [{ name: 'unknown', params: { id: 'usr_unknown' } }] },
  {
    method: 'get', path: '/api/audit', tag: 'audit', auth: 'admin', summary: 'Audit log, newest first (staff actions and every integration key use)',
    query: pageQuerySchema.extend({ actorId: z.string().optional().describe('`apikey:<id>` for an integration key'), action: z.string().optional() }),
    responses: { 200: { description: 'A page of events', schema: listOf(auditEventSchema) } },
    examples: [{ name: 'key uses', query: { action: 'api-key.use' } }],
  },
];
