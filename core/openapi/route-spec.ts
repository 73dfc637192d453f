import type { z } from 'zod';
import type { ErrorCode } from '../errors.js';

/** Who may call a route besides integration keys (those come from API_KEY_ROUTES). */
export type RouteAuth = 'none' | 'agent' | 'admin' | 'botframework' | 'metrics';

export interface RouteExample {
  name: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** JSON value, or the raw text for a text/csv body. */
  body?: unknown;
}

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

/**
 * One HTTP route as the OpenAPI document shows it. The schemas are the very objects the route validates with
 * (imported, never re-typed), so the document follows the code; tests walk the express router and replay every
 * example through the real app, so a route that is missing or whose example no longer validates fails CI.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path template (`/api/faqs/:id`). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: RouteAuth;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Default application/json. */
  bodyType?: string;
  responses: Record<number, RouteResponse>;
  /** Error codes this route answers besides the ones its auth and validation imply. */
  errors?: ErrorCode[];
  examples?: RouteExample[];
}

/** A call Parley makes to the business (OpenAPI 3.1 `webhooks`). */
export interface OutboundCallSpec {
  name: string;
  summary: string;
  description: string;
  body: z.ZodType;
  /** What Parley expects back (status 200). */
  reply?: z.ZodType;
  example: unknown;
}
