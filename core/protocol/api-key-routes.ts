import type { ApiKeyScope } from '../schemas/api-key.js';

export interface ScopedRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path template, exactly as the route is registered. */
  path: string;
  scope: ApiKeyScope;
}

/**
 * The only routes an integration key opens, and the scope each needs. This table is the single authority:
 * the key gate authorises from it and the OpenAPI document's security requirements are generated from it.
 */
export const API_KEY_ROUTES: readonly ScopedRoute[] = [
  { method: 'post', path: '/api/webhook/messages', scope: 'webhook:messages' },
  { method: 'put', path: '/api/orders/:orderId', scope: 'orders:write' },
  { method: 'get', path: '/api/orders', scope: 'customers:read' },
  { method: 'get', path: '/api/customers', scope: 'customers:read' },
  { method: 'get', path: '/api/customers/:id', scope: 'customers:read' },
  { method: 'get', path: '/api/analytics/overview', scope: 'analytics:read' },
  { method: 'get', path: '/api/analytics/overview.csv', scope: 'analytics:read' },
  { method: 'get', path: '/api/analytics/crm', scope: 'analytics:read' },
  { method: 'get', path: '/api/analytics/customers.csv', scope: 'analytics:read' },
];

/** What WEBHOOK_API_KEY opened before scoped keys existed (the webhook and live order upserts): it keeps exactly that. */
export const LEGACY_WEBHOOK_KEY_SCOPES: readonly ApiKeyScope[] = ['webhook:messages', 'orders:write'];
