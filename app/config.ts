import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from './http/client-ip.js';
import { parseRateLimits, type RateLimits } from './rate-limits.js';

/**
 * The only reader of process.env (PROTOCOL.md "Operator contract").
 * Validated with zod at boot and frozen; a bad value stops boot naming the variable.
 */
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());
const port = z.coerce.number().int().min(0).max(65535);
/**
 * TRUST_PROXY: off (default: the socket address is the client), a hop count, or comma-separated proxy addresses/subnets.
 * `true` (believe any X-Forwarded-For) is refused: anyone could then pick their own IP and lift every per-IP limit.
 */
const trustProxy = z.preprocess(
  (v) => (v === undefined || v === '' ? 'off' : v),
  z.string().transform((v, ctx): TrustProxy => {
    const value = v.trim().toLowerCase();
    if (['off', 'false', '0', 'no'].includes(value)) return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
    }
    const list = v.split(',').map((a) => a.trim()).filter(Boolean);
    try {
      if (value === 'true' || /^\d+$/.test(value) || list.length === 0) throw new Error('not a list');
      proxyaddr.compile(list);
      return list;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be off, a hop count (1-10), or comma-separated proxy addresses/subnets (e.g. 10.0.0.0/8, loopback)' });
      return z.NEVER;
    }
  }),
);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Values that were published as samples (old docker-compose defaults) or are obviously placeholders: anyone can read
 * them, so production refuses them. Development accepts them for local trials.
 */
const SAMPLE_SECRETS = new Set(['change-me-change-me-change-me-change-me', 'change-me-too-change-me-too-change-me-too', 'parley-admin-please-change']);
const isSample = (v: string | undefined): boolean => v !== undefined && (SAMPLE_SECRETS.has(v) || /change-?me/i.test(v));
/** Never echoed in boot errors (logs are read by more people than the secrets are). */
const SECRET_VARIABLES = new Set(['METRICS_TOKEN', 'JWT_SECRET', 'ENCRYPTION_KEY', 'ENCRYPTION_KEY_PREVIOUS', 'ADMIN_PASSWORD', 'WEBHOOK_API_KEY', 'IDENTITY_SECRET', 'ACTIONS_SECRET', 'MICROSOFT_APP_PASSWORD', 'MONGODB_URI', 'REDIS_URL']);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Default: pretty in development, JSON in production and test. */
    LOG_FORMAT: optionalString.pipe(z.enum(['json', 'pretty']).optional()),
    STORE: z.enum(['embedded', 'mongo']).default('embedded'),
    DATA_DIR: z.string().min(1).default('./data'),
    MONGODB_URI: optionalString.pipe(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional()),
    REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
    MODELS_DIR: z.string().min(1).default('./models'),
    EMBEDDING_MODEL: z.string().min(1).default('Xenova/all-MiniLM-L6-v2'),
    /** Without the EMBEDDING_MODEL installed: 'static' uses the distilled table (npm run models:distil) if present. */
    EMBEDDING_FALLBACK: z.enum(['static', 'none']).default('none'),
    MODELS_AUTO_FETCH: bool.default(true),
    MODELS_BASE_URL: z.string().url('must be a URL').default('https://huggingface.co'),
    JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    ENCRYPTION_KEY: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    /** Keys rows may still be sealed with (comma-separated): read only, until `npm run keys:rotate` re-seals them. */
    ENCRYPTION_KEY_PREVIOUS: optionalString.transform((v) => (v ?? '').split(',').map((k) => k.trim()).filter(Boolean))
      .pipe(z.array(z.string().min(32, 'every key must be at least 32 characters'))),
    ADMIN_EMAIL: optionalString.pipe(z.string().email('must be an email address').optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, 'must be at least 10 characters').optional()),
    WEBHOOK_API_KEY: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    WEBHOOK_CALLBACK_URL: optionalString.pipe(z.string().url('must be a URL').optional()),
    IDENTITY_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    ACTIONS_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    ALLOWED_ORIGINS: optionalString,
    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TENANT_ID: optionalString,
    TRUST_PROXY: trustProxy,
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** Not in PROTOCOL.md's table (additions are fine): policy and limits with sane defaults. */
    ESCALATE_AFTER_FALLBACKS: z.coerce.number().int().min(1).max(20).default(2),
    ESCALATE_NEGATIVE_STREAK: z.coerce.number().int().min(1).max(20).default(3),
    TRAIN_REGRESSION_MARGIN: z.coerce.number().min(0).max(1).default(0.02),
    DEMO_CONTENT: bool.default(true),
    RATE_LIMITS: optionalString.transform((raw, ctx) => {
      try {
        return parseRateLimits(raw);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
    DEMO_LANGUAGE: z.enum(['en', 'zh']).default('en'),
  })
  .superRefine((env, ctx) => {
    if (env.STORE === 'mongo' && !env.MONGODB_URI) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_URI'], message: 'is required when STORE=mongo' });
    }
    // In every mode: with one of the two the channel would be off while the operator believes it is on.
    if (!env.MICROSOFT_APP_ID !== !env.MICROSOFT_APP_PASSWORD) {
      const missing = env.MICROSOFT_APP_ID ? 'MICROSOFT_APP_PASSWORD' : 'MICROSOFT_APP_ID';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD go together (without both the Bot Framework channel is off)' });
    }
    if (env.NODE_ENV === 'production') {
      for (const key of ['JWT_SECRET', 'ENCRYPTION_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
      }
      if (!env.ALLOWED_ORIGINS) {
        ctx.addIssue({ code: 'custom', path: ['ALLOWED_ORIGINS'], message: 'is required when NODE_ENV=production (comma-separated origins of the sites that embed the widget)' });
      } else if (env.ALLOWED_ORIGINS.split(',').some((o) => o.trim() === '*')) {
        ctx.addIssue({ code: 'custom', path: ['ALLOWED_ORIGINS'], message: '* (any site) is refused when NODE_ENV=production: list the origins that embed the widget' });
      }
      for (const key of ['JWT_SECRET', 'ENCRYPTION_KEY', 'ADMIN_PASSWORD'] as const) {
        if (isSample(env[key])) ctx.addIssue({ code: 'custom', path: [key], message: 'is a published sample value: set your own secret (e.g. openssl rand -base64 48)' });
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
  logFormat: 'json' | 'pretty';
  store: Env['STORE'];
  dataDir: string;
  mongodbUri?: string;
  redisUrl?: string;
  modelsDir: string;
  embeddingModel: string;
  embeddingFallback: 'static' | 'none';
  /** MODELS_AUTO_FETCH: download a missing embedding model in the background from MODELS_BASE_URL (null = off). */
  modelsAutoFetch: { baseUrl: string } | null;
  jwtSecret: string;
  encryptionKey: string;
  /** Older keys that still open sealed values (rotation); never used to seal. */
  encryptionKeyPrevious: readonly string[];
  admin?: { email: string; password?: string };
  webhook?: { apiKey: string; callbackUrl?: string };
  identitySecret?: string;
  /** Signs intent-action calls; without it http actions are never called (the intent's fallback reply is given). */
  actionsSecret?: string;
  /** null = any origin (development only). */
  allowedOrigins: string[] | null;
  /** The channel is on only with both credentials (never with authentication off). */
  /** TRUST_PROXY: whose X-Forwarded-For is believed for every per-IP limit (express `trust proxy` and socket handshakes). */
  trustProxy: TrustProxy;
  /** METRICS_TOKEN: bearer token for /metrics; undefined = open. */
  metricsToken?: string;
  botFramework: { appId?: string; appPassword?: string; tenantId?: string; enabled: boolean };
  policy: { escalateAfterFallbacks: number; escalateNegativeStreak: number };
  trainRegressionMargin: number;
  demoContent: boolean;
  /** RATE_LIMITS: every limiter's rule by name (null = lifted). */
  rateLimits: RateLimits;
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
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
        const shown = value === undefined || SECRET_VARIABLES.has(name) ? '' : `=${JSON.stringify(value)}`;
        return `${name}${shown}: ${i.message}`;
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
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'development' ? 'pretty' : 'json'),
    store: e.STORE,
    dataDir,
    mongodbUri: e.MONGODB_URI,
    redisUrl: e.REDIS_URL,
    modelsDir: resolve(e.MODELS_DIR),
    embeddingModel: e.EMBEDDING_MODEL,
    embeddingFallback: e.EMBEDDING_FALLBACK,
    modelsAutoFetch: e.MODELS_AUTO_FETCH ? { baseUrl: e.MODELS_BASE_URL } : null,
    jwtSecret: e.JWT_SECRET ?? devSecret(dataDir, 'jwt-secret'),
    encryptionKey: e.ENCRYPTION_KEY ?? devSecret(dataDir, 'encryption-key'),
    encryptionKeyPrevious: Object.freeze(e.ENCRYPTION_KEY_PREVIOUS),
    // Development without ADMIN_EMAIL: a first admin with a generated password (printed once), so `npm start` on a
    // fresh clone leads straight into the console. Production never invents an account.
    admin: e.ADMIN_EMAIL ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : e.NODE_ENV === 'production' ? undefined : { email: DEV_ADMIN_EMAIL },
    webhook: e.WEBHOOK_API_KEY ? { apiKey: e.WEBHOOK_API_KEY, callbackUrl: e.WEBHOOK_CALLBACK_URL } : undefined,
    identitySecret: e.IDENTITY_SECRET,
    actionsSecret: e.ACTIONS_SECRET,
    allowedOrigins: !origins || origins.includes('*') ? null : origins,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    botFramework: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      enabled: Boolean(e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD),
    },
    policy: { escalateAfterFallbacks: e.ESCALATE_AFTER_FALLBACKS, escalateNegativeStreak: e.ESCALATE_NEGATIVE_STREAK },
    trainRegressionMargin: e.TRAIN_REGRESSION_MARGIN,
    demoContent: e.DEMO_CONTENT,
    rateLimits: Object.freeze(e.RATE_LIMITS),
    demoLanguage: e.DEMO_LANGUAGE,
    version: readVersion(),
  };
  return Object.freeze(config);
}
