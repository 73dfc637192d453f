import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ParleyError } from '../../core/index.js';

export interface LoginLimits {
  /** Attempts per IP per window (any outcome). */
  perIp: number;
  /** Failed attempts per email per window. */
  perEmail: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perIp: 30, perEmail: 8, windowSeconds: 15 * 60 };

function limited(res: unknown): never {
  const ms = res instanceof RateLimiterRes ? res.msBeforeNext : 1000;
  throw new ParleyError('ERR_RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });
}

/**
 * Two limiters: per IP slows down spraying many accounts, per email protects
 * one account from a distributed guesser. Only failures count against the email
 * so its owner is not locked out by their own successful logins.
 */
export function createLoginLimiter(limits: LoginLimits = defaultLoginLimits) {
  const ip = new RateLimiterMemory({ keyPrefix: 'login-ip', points: limits.perIp, duration: limits.windowSeconds });
  const email = new RateLimiterMemory({ keyPrefix: 'login-email', points: limits.perEmail, duration: limits.windowSeconds });
  return {
    /** Call before checking the password; throws ERR_RATE_LIMITED with retryAfterSeconds. */
    async before(ipKey: string, emailKey: string): Promise<void> {
      await ip.consume(ipKey).catch(limited);
      const state = await email.get(emailKey);
      if (state && state.consumedPoints >= limits.perEmail) limited(state);
    },
    async failed(emailKey: string): Promise<void> {
      await email.consume(emailKey).catch(() => undefined);
    },
    async succeeded(emailKey: string): Promise<void> {
      await email.delete(emailKey);
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
