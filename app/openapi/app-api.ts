import { z } from 'zod';
import type { RouteSpec } from '../../core/index.js';

const health = z.object({ status: z.string(), store: z.enum(['embedded', 'mongo']), retrieval: z.enum(['hybrid', 'lexical']), model: z.string().optional(), version: z.string() });
const asset = (path: string, summary: string, contentType: string): RouteSpec => ({ method: 'get', path, tag: 'ui', auth: 'none', summary, responses: { 200: { description: summary, contentType } }, examples: [{ name: 'get' }] });

/** Routes app/ itself mounts: health, metrics, the UI bundles and this documentation. */
export const appApi: RouteSpec[] = [
  { method: 'get', path: '/healthz', tag: 'ops', auth: 'none', summary: 'Liveness, active adapters and model', responses: { 200: { description: 'Healthy', schema: health }, 503: { description: 'Degraded (store unreachable)', schema: health } }, examples: [{ name: 'get' }] },
  { method: 'get', path: '/metrics', tag: 'ops', auth: 'metrics', summary: 'Prometheus metrics', responses: { 200: { description: 'Prometheus text', contentType: 'text/plain' } }, errors: ['ERR_AUTH_REQUIRED'], examples: [{ name: 'get' }] },
  asset('/', 'Demo shop page with the widget (language from DEMO_LANGUAGE)', 'text/html'),
  asset('/en/', 'Demo shop page in English', 'text/html'),
  asset('/zh/', 'Demo shop page in Chinese (widget locale zh-CN)', 'text/html'),
  { ...asset('/widget.js', 'The widget bundle: `<script src=".../widget.js" data-parley-url="..." async></script>`', 'application/javascript') },
  asset('/console/', 'Staff console (admin pages and agent inbox)', 'text/html'),
  asset('/console/app.js', 'Staff console bundle', 'application/javascript'),
  { method: 'get', path: '/api/openapi.json', tag: 'docs', auth: 'none', summary: 'This OpenAPI 3.1 document', responses: { 200: { description: 'The document', schema: z.looseObject({ openapi: z.literal('3.1.0') }) } }, examples: [{ name: 'get' }] },
  { ...asset('/docs', 'API reference page (Swagger UI, served from this server)', 'text/html'), tag: 'docs' },
  { ...asset('/docs/swagger-ui.css', 'Reference page styles', 'text/css'), tag: 'docs' },
  { ...asset('/docs/swagger-ui-bundle.js', 'Reference page script', 'application/javascript'), tag: 'docs' },
  { ...asset('/docs/docs-init.js', 'Reference page start-up script', 'application/javascript'), tag: 'docs' },
];
