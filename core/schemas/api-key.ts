import { z } from 'zod';
import { isoDateSchema } from './common.js';

/** What an integration key may do; each scope opens the routes listed in core/protocol/api-key-routes.ts. */
export const API_KEY_SCOPES = ['webhook:messages', 'orders:write', 'customers:read', 'analytics:read'] as const;
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

/** A stored integration key: the secret itself is never kept, only its SHA-256 (`hash`). */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  /** The first characters of the key, so an admin can tell keys apart without the secret. */
  prefix: z.string(),
  createdAt: isoDateSchema,
  createdBy: z.string(),
  revokedAt: isoDateSchema.nullable(),
  lastUsedAt: isoDateSchema.nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;
export type NewApiKey = Pick<ApiKey, 'name' | 'scopes' | 'prefix' | 'createdBy'> & { hash: string };

/** `POST /api/api-keys`: unknown scopes are refused (ERR_VALIDATION), so no one mints more than the known scopes. */
export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(apiKeyScopeSchema).min(1).max(API_KEY_SCOPES.length),
});
