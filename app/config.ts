import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The only reader of process.env (PROTOCOL.md "Operator contract").
 * Validated with zod at boot and frozen; a bad value stops boot naming the variable.
 */
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());
const port = z.coerce.number().int().min(0).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORE: z.enum(['embedded', 'mongo']).default('embedded'),
    DATA_DIR: z.string().min(1).default('./data'),
    MONGODB_URI: optionalString.pipe(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional()),
    REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
    MODELS_DIR: z.string().min(1).default('./models'),
    EMBEDDING_MODEL: z.string().min(1).default('Xenova/all-MiniLM-L6-v2'),
    JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    ENCRYPTION_KEY: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    ADMIN_EMAIL: optionalString.pipe(z.string().email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, 'must be at least 10 characters').optional()),
    WEBHOOK_API_KEY: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    WEBHOOK_CALLBACK_URL: optionalString.pipe(z.string().url('must be a URL').optional()),
    IDENTITY_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    ALLOWED_ORIGINS: optionalString,
    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TENANT_ID: optionalString,
    /** Not in PROTOCOL.md's table (additions are fine): policy and limits with sane defaults. */
    ESCALATE_AFTER_FALLBACKS: z.coerce.number().int().min(1).max(20).default(2),
    ESCALATE_NEGATIVE_STREAK: z.coerce.number().int().min(1).max(20).default(3),
    TRAIN_REGRESSION_MARGIN: z.coerce.number().min(0).max(1).default(0.02),
    DEMO_CONTENT: bool.default(true),
    DEMO_LANGUAGE: z.enum(['en', 'zh']).default('en'),
  })
  .superRefine((env, ctx) => {
    if (env.STORE === 'mongo' && !env.MONGODB_URI) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_URI'], message: 'is required when STORE=mongo' });
    }
    if (env.NODE_ENV === 'production') {
      for (const key of ['JWT_SECRET', 'ENCRYPTION_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
      }
      if (!env.ALLOWED_ORIGINS) {
        ctx.addIssue({ code: 'custom', path: ['ALLOWED_ORIGINS'], message: 'is required when NODE_ENV=production (comma-separated origins or *)' });
      }
      if (!env.MICROSOFT_APP_ID !== !env.MICROSOFT_APP_PASSWORD) {
        ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD go together' });
      }
      if (env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) {
        ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'is required with ADMIN_EMAIL in production (no default password)' });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  store: Env['STORE'];
  dataDir: string;
  mongodbUri?: string;
  redisUrl?: string;
  modelsDir: string;
  embeddingModel: string;
  jwtSecret: string;
  encryptionKey: string;
  admin?: { email: string; password?: string };
  webhook?: { apiKey: string; callbackUrl?: string };
  identitySecret?: string;
  /** null = any origin (development only). */
  allowedOrigins: string[] | null;
  botFramework: { appId?: string; appPassword?: string; tenantId?: string; authEnabled: boolean };
  policy: { escalateAfterFallbacks: number; escalateNegativeStreak: number };
  trainRegressionMargin: number;
  demoContent: boolean;
  /** Language of the demo bot and FAQ seeded into an empty store (DEMO_LANGUAGE). */
  demoLanguage: 'en' | 'zh';
  version: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Development secrets are generated once into DATA_DIR so tokens survive restarts. */
function devSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `.${name}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The development first admin's sign-in name when ADMIN_EMAIL is not set. */
export const DEV_ADMIN_EMAIL = 'admin@example.com';

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'environment');
        const value = source[name];
        return `${name}${value === undefined ? '' : `=${JSON.stringify(value)}`}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const origins = e.ALLOWED_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean);
  const config: Config = {
    env: e.NODE_ENV,
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    store: e.STORE,
    dataDir,
    mongodbUri: e.MONGODB_URI,
    redisUrl: e.REDIS_URL,
    modelsDir: resolve(e.MODELS_DIR),
    embeddingModel: e.EMBEDDING_MODEL,
    jwtSecret: e.JWT_SECRET ?? devSecret(dataDir, 'jwt-secret'),
    encryptionKey: e.ENCRYPTION_KEY ?? devSecret(dataDir, 'encryption-key'),
    // Development without ADMIN_EMAIL: a first admin with a generated password (printed once), so `npm start` on a
    // fresh clone leads straight into the console. Production never invents an account.
    admin: e.ADMIN_EMAIL ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : e.NODE_ENV === 'production' ? undefined : { email: DEV_ADMIN_EMAIL },
    webhook: e.WEBHOOK_API_KEY ? { apiKey: e.WEBHOOK_API_KEY, callbackUrl: e.WEBHOOK_CALLBACK_URL } : undefined,
    identitySecret: e.IDENTITY_SECRET,
    allowedOrigins: !origins || origins.includes('*') ? null : origins,
    botFramework: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      authEnabled: Boolean(e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD),
    },
    policy: { escalateAfterFallbacks: e.ESCALATE_AFTER_FALLBACKS, escalateNegativeStreak: e.ESCALATE_NEGATIVE_STREAK },
    trainRegressionMargin: e.TRAIN_REGRESSION_MARGIN,
    demoContent: e.DEMO_CONTENT,
    demoLanguage: e.DEMO_LANGUAGE,
    version: readVersion(),
  };
  return Object.freeze(config);
}
