import { API_KEY_SCOPES } from '../schemas/api-key.js';
import type { ScopedRoute } from '../protocol/api-key-routes.js';
import type { RouteAuth } from './route-spec.js';

export const securitySchemes = {
  staffToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A staff token from `POST /api/auth/login` (15 minutes; `POST /api/auth/refresh` renews it). Requirement values name the role: agent or admin (admin can do all an agent can).',
  },
  apiKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description:
      `An integration key minted by an admin (\`POST /api/api-keys\`, shown once) or WEBHOOK_API_KEY. Scopes: ${API_KEY_SCOPES.join(', ')}; ` +
      'requirement values name the scope a route needs. Only the header counts: a key in the query string is refused (401). ' +
      'Unknown, revoked or malformed keys get 401 ERR_WEBHOOK_KEY; a key without the scope gets 403 ERR_AUTH_FORBIDDEN. Every use is audited with the key id.',
  },
  botFrameworkToken: { type: 'http', scheme: 'bearer', description: 'The Bot Framework channel token Microsoft signs for our app id.' },
  metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when it is set (open otherwise).' },
} as const;

/** OpenAPI security requirements: alternatives, any one of which suffices. */
export function securityOf(auth: RouteAuth, scoped: ScopedRoute | undefined): Record<string, string[]>[] {
  const out: Record<string, string[]>[] = [];
  if (auth === 'agent' || auth === 'admin') out.push({ staffToken: [auth] });
  if (auth === 'botframework') out.push({ botFrameworkToken: [] });
  if (auth === 'metrics') out.push({ metricsToken: [] }, {});
  if (scoped) out.push({ apiKey: [scoped.scope] });
  return out;
}
