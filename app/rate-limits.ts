import { z } from 'zod';

/**
 * Every rate limit of the product by its operator-facing name (RATE_LIMITS, README "Rate limits").
 * This table is the one source of the numbers: compose hands each limiter its rule.
 */
export type LimitRule = { points: number; duration: number } | null;

export const rateLimitDefaults = {
  /** Widget: customer messages + escalations + CSAT per socket. */
  messagesPerSocket: { points: 20, duration: 10 },
  /** Widget: the same actions summed over every socket of one IP. */
  messagesPerIp: { points: 200, duration: 10 },
  /** Widget: handshakes per IP (reconnect storms, scripted customer creation). */
  connectionsPerIp: { points: 60, duration: 10 },
  /** Widget: typing notices per socket (over the limit they are dropped). */
  typingPerSocket: { points: 40, duration: 10 },
  /** Consecutive failed staff logins for one email from one IP; then that pair is blocked for `duration` seconds. */
  loginFailuresPerEmailAndIp: { points: 10, duration: 3600 },
  /** Failed staff logins from one IP, whatever the email, per `duration` seconds (slow lane). */
  loginFailuresPerIp: { points: 100, duration: 86_400 },
} as const satisfies Record<string, LimitRule>;

export type RateLimitName = keyof typeof rateLimitDefaults;
export type RateLimits = { readonly [K in RateLimitName]: LimitRule };

// One limit is lifted with null or "off".
const ruleSchema = z.preprocess(
  (v) => (v === 'off' ? null : v),
  z
    .strictObject({
      points: z.number().int().min(1, 'points must be a whole number >= 1'),
      duration: z.number().positive('duration (seconds) must be > 0').max(86_400 * 7),
    })
    .nullable(),
);

const overridesSchema = z.strictObject(
  Object.fromEntries(Object.keys(rateLimitDefaults).map((k) => [k, ruleSchema.optional()])) as Record<RateLimitName, ReturnType<typeof ruleSchema.optional>>,
);

/**
 * Parses RATE_LIMITS: unset = defaults, `off` = every limit lifted (benchmarks, trusted networks),
 * or a JSON object overriding some names. Throws an Error whose message says what is wrong.
 */
export function parseRateLimits(raw: string | undefined): RateLimits {
  if (raw === undefined || raw.trim() === '') return { ...rateLimitDefaults };
  if (raw.trim().toLowerCase() === 'off') {
    return Object.fromEntries(Object.keys(rateLimitDefaults).map((k) => [k, null])) as unknown as RateLimits;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`must be "off" or a JSON object such as {"messagesPerSocket":{"points":20,"duration":10}}`);
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    const known = Object.keys(rateLimitDefaults).join(', ');
    throw new Error(
      parsed.error.issues
        .map((i) => (i.code === 'unrecognized_keys' ? `unknown limit ${i.keys.join(', ')} (known: ${known})` : `${i.path.join('.') || 'value'}: ${i.message}`))
        .join('; '),
    );
  }
  const merged: Record<string, LimitRule> = { ...rateLimitDefaults };
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) merged[k] = v;
  return merged as unknown as RateLimits;
}

/** The widget namespace's share of the table. */
export function widgetLimits(l: RateLimits) {
  return { messagesPerSocket: l.messagesPerSocket, messagesPerIp: l.messagesPerIp, connectionsPerIp: l.connectionsPerIp, typingPerSocket: l.typingPerSocket };
}
