import { API_KEY_ROUTES, buildOpenApiDocument } from '../../core/index.js';
import { adminApi } from '../../admin/index.js';
import { channelApi, outboundApi } from '../../bot/index.js';
import { appApi } from './app-api.js';

const DESCRIPTION = `Parley's REST API, generated from the zod schemas the routes validate with.

**Authentication.** Staff routes take \`Authorization: Bearer <token>\` from \`POST /api/auth/login\` (roles agent, admin).
Integrations send an API key in the \`X-Api-Key\` header (never in the query string). Keys carry scopes:
${API_KEY_ROUTES.map((r) => `\`${r.scope}\` opens \`${r.method.toUpperCase()} ${r.path}\``).join('; ')}.

**Errors** share one shape: \`{ "error": { "code": "ERR_<AREA>_<WHAT>", "message": "...", "details"?: { "issues": [{ "path", "message" }] } } }\`.
Tests and integrations should branch on \`code\`, never on \`message\`. Invalid bodies give 400 \`ERR_VALIDATION\` with \`details.issues\`.

**Strict in, lenient out.** Request bodies reject unknown keys; responses may gain fields over time.

**Signed calls to you** (the \`webhooks\` section): \`X-Parley-Signature\` is the hex HMAC-SHA256 of the raw body bytes,
keyed with WEBHOOK_API_KEY (webhook callbacks) or ACTIONS_SECRET (intent actions). Compute it over the bytes you received,
before parsing, and compare in constant time.`;

/** The whole document: app's own routes, the channels, the staff API, and the calls Parley makes out. */
export function parleyOpenApi(version: string): Record<string, unknown> {
  return buildOpenApiDocument({
    info: { title: 'Parley API', version, description: DESCRIPTION },
    routes: [...appApi, ...channelApi, ...adminApi],
    outbound: outboundApi,
  });
}
