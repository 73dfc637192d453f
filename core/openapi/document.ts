import { z } from 'zod';
import { errorCatalogue, type ErrorCode } from '../errors.js';
import { API_KEY_ROUTES, type ScopedRoute } from '../protocol/api-key-routes.js';
import { errorResponseSchema } from '../protocol/error-body.js';
import type { OutboundCallSpec, RouteSpec } from './route-spec.js';
import { securitySchemes, securityOf } from './security.js';

type Json = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
}

/** Converts zod schemas to JSON Schema 2020-12 (what OpenAPI 3.1 uses) and collects named ones as components. */
class SchemaSet {
  readonly components: Record<string, Json> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      // Transforms and refinements cannot be said in JSON Schema: their input side is documented, the rule in prose.
      unrepresentable: 'any',
      // Strict in, lenient out (PROTOCOL.md): responses may gain fields, so clients must not be told they cannot.
      override: io === 'output' ? (ctx) => void delete (ctx.jsonSchema as Json).additionalProperties : undefined,
    }) as Json;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    for (const [id, def] of Object.entries(defs)) this.components[id] ??= relink(def);
    const id = z.globalRegistry.get(schema)?.id;
    if (typeof id === 'string') {
      this.components[id] ??= relink(json);
      return { $ref: `#/components/schemas/${id}` };
    }
    return relink(json);
  }
}

const relink = (json: Json): Json => JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);

function parameters(spec: RouteSpec, schemas: SchemaSet): Json[] {
  const out: Json[] = [];
  const shape = spec.params?.shape ?? {};
  for (const name of pathParams(spec.path)) {
    const s = shape[name] as z.ZodType | undefined;
    out.push({ name, in: 'path', required: true, schema: s ? schemas.convert(s, 'input') : { type: 'string' }, ...exampleOf(spec, 'params', name) });
  }
  for (const [name, s] of Object.entries(spec.query?.shape ?? {})) {
    const field = s as z.ZodType;
    out.push({ name, in: 'query', required: !field.safeParse(undefined).success, schema: schemas.convert(field, 'input'), ...exampleOf(spec, 'query', name) });
  }
  return out;
}

function exampleOf(spec: RouteSpec, where: 'params' | 'query', name: string): Json {
  const value = spec.examples?.map((e) => e[where]?.[name]).find((v) => v !== undefined);
  return value === undefined ? {} : { example: value };
}

/** Every code a route can answer: its own list plus what its auth, key scope and validation imply. */
export function errorsOf(spec: RouteSpec, scoped: ScopedRoute | undefined): ErrorCode[] {
  const codes = new Set<ErrorCode>(spec.errors ?? []);
  if (spec.auth === 'agent' || spec.auth === 'admin') for (const c of ['ERR_AUTH_REQUIRED', 'ERR_AUTH_INVALID', 'ERR_AUTH_FORBIDDEN'] as const) codes.add(c);
  if (spec.auth === 'botframework') codes.add('ERR_AUTH_INVALID');
  if (scoped) for (const c of ['ERR_WEBHOOK_KEY', 'ERR_AUTH_FORBIDDEN'] as const) codes.add(c);
  if (spec.body || spec.query || spec.params) codes.add('ERR_VALIDATION');
  if (spec.body && spec.bodyType === undefined) codes.add('ERR_PAYLOAD_TOO_LARGE');
  // The origin guard refuses state-changing staff calls from foreign browser origins.
  if ((spec.auth === 'agent' || spec.auth === 'admin') && spec.method !== 'get') codes.add('ERR_ORIGIN_FORBIDDEN');
  return [...codes];
}

function errorResponses(codes: ErrorCode[], errorRef: Json): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorCatalogue[code].status, [...(byStatus.get(errorCatalogue[code].status) ?? []), code]);
  const out: Record<string, Json> = {};
  for (const [status, list] of byStatus) {
    const examples = Object.fromEntries(list.map((code) => [code, { value: { error: { code, message: errorCatalogue[code].message } } }]));
    out[String(status)] = { description: list.join(', '), content: { 'application/json': { schema: errorRef, examples } } };
  }
  return out;
}

function operation(spec: RouteSpec, schemas: SchemaSet, errorRef: Json, scopedRoutes: readonly ScopedRoute[]): Json {
  const scoped = scopedRoutes.find((r) => r.method === spec.method && r.path === spec.path);
  const responses: Record<string, Json> = errorResponses(errorsOf(spec, scoped), errorRef);
  for (const [status, r] of Object.entries(spec.responses)) {
    const type = r.contentType ?? 'application/json';
    responses[status] = { description: r.description, ...(r.schema || r.contentType ? { content: { [type]: r.schema ? { schema: schemas.convert(r.schema, 'output') } : {} } } : {}) };
  }
  const type = spec.bodyType ?? 'application/json';
  const examples = Object.fromEntries((spec.examples ?? []).filter((e) => e.body !== undefined).map((e) => [e.name, { value: e.body }]));
  return {
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    operationId: `${spec.method}${spec.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    security: securityOf(spec.auth, scoped),
    parameters: parameters(spec, schemas),
    ...(spec.body
      ? { requestBody: { required: true, content: { [type]: { schema: schemas.convert(spec.body, 'input'), ...(Object.keys(examples).length ? { examples } : {}) } } } }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the REST API, from the routes' own zod schemas. Integration key scopes come from
 * API_KEY_ROUTES (the table the key gate enforces); outbound signed calls are the document's `webhooks`.
 */
export function buildOpenApiDocument(opts: { info: OpenApiInfo; routes: readonly RouteSpec[]; outbound: readonly OutboundCallSpec[]; scopedRoutes?: readonly ScopedRoute[] }): Json {
  const schemas = new SchemaSet();
  const errorRef = schemas.convert(errorResponseSchema, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of opts.routes) {
    const p = (paths[openApiPath(spec.path)] ??= {});
    if (p[spec.method]) throw new Error(`route described twice: ${spec.method.toUpperCase()} ${spec.path}`);
    p[spec.method] = operation(spec, schemas, errorRef, opts.scopedRoutes ?? API_KEY_ROUTES);
  }
  const webhooks: Record<string, Json> = {};
  for (const call of opts.outbound) {
    webhooks[call.name] = {
      post: {
        summary: call.summary,
        description: call.description,
        parameters: [{ name: 'X-Parley-Signature', in: 'header', required: true, description: 'hex HMAC-SHA256 of the raw request body', schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
        requestBody: { required: true, content: { 'application/json': { schema: schemas.convert(call.body, 'output'), example: call.example } } },
        responses: {
          '200': { description: call.reply ? 'Accepted; the body is read' : 'Accepted (any 2xx); the body is ignored', ...(call.reply ? { content: { 'application/json': { schema: schemas.convert(call.reply, 'input') } } } : {}) },
        },
      },
    };
  }
  const tags = [...new Set(opts.routes.map((r) => r.tag))].map((name) => ({ name }));
  return { openapi: '3.1.0', info: opts.info, tags, paths, webhooks, components: { schemas: schemas.components, securitySchemes } };
}
