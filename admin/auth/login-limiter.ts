import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ParleyError } from '../../core/index.js';

/** `points` attempts per `duration` seconds; null lifts the limit (RATE_LIMITS=off). */
export type LoginRule = { points: number; duration: number } | null;

export interface LoginLimits {
  /** Attempts per IP per window (any outcome). */
  perIp: LoginRule;
  /** Failed attempts per email per window. */
  failuresPerEmail: LoginRule;
}

export const defaultLoginLimits: LoginLimits = {
  perIp: { points: 30, duration: 15 * 60 },
  failuresPerEmail: { points: 8, duration: 15 * 60 },
};

function limited(res: unknown): never {
  const ms = res instanceof RateLimiterRes ? res.msBeforeNext : 1000;
  throw new ParleyError('ERR_RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });
}

const memory = (rule: LoginRule, keyPrefix: string) =>
  rule ? new RateLimiterMemory({ keyPrefix, points: rule.points, duration: rule.duration }) : null;

/**
 * Two limiters: per IP slows down spraying many accounts, per email protects
 * one account from a distributed guesser. Only failures count against the email
 * so its owner is not locked out by their own successful logins.
 */
export function createLoginLimiter(limits: LoginLimits = defaultLoginLimits) {
  const ip = memory(limits.perIp, 'login-ip');
  const email = memory(limits.failuresPerEmail, 'login-email');
  const emailPoints = limits.failuresPerEmail?.points ?? Infinity;
  return {
    /** Call before checking the password; throws ERR_RATE_LIMITED with retryAfterSeconds. */
    async before(ipKey: string, emailKey: string): Promise<void> {
      await ip?.consume(ipKey).catch(limited);
      const state = await email?.get(emailKey);
      if (state && state.consumedPoints >= emailPoints) limited(state);
    },
    async failed(emailKey: string): Promise<void> {
      await email?.consume(emailKey).catch(() => undefined);
    },
    async succeeded(emailKey: string): Promise<void> {
      await email?.delete(emailKey);
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
