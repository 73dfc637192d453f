export type { RouteSpec, RouteAuth, RouteExample, RouteResponse, OutboundCallSpec } from './route-spec.js';
export { buildOpenApiDocument, errorsOf, type OpenApiInfo } from './document.js';
