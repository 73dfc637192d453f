import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { ParleyError } from '../../core/index.js';

/** `points` failures, then blocked for `duration` seconds (per email+IP) or per `duration` window (per IP); null lifts it. */
export type LoginRule = { points: number; duration: number } | null;

export interface LoginLimits {
  /** Consecutive failures for one email from one IP before that pair is blocked for `duration` s (a success resets it). */
  failuresPerEmailAndIp: LoginRule;
  /** Failures from one IP per `duration` s whatever the email (slow lane against spraying many accounts). */
  failuresPerIp: LoginRule;
}

export const defaultLoginLimits: LoginLimits = {
  failuresPerEmailAndIp: { points: 10, duration: 60 * 60 },
  failuresPerIp: { points: 100, duration: 24 * 60 * 60 },
};

const WEEK = 7 * 24 * 60 * 60;

function limited(res: RateLimiterRes | null): never {
  const ms = res?.msBeforeNext ?? 1000;
  throw new ParleyError('ERR_RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });
}

/**
 * rate-limiter-flexible's brute-force recipe ("Login endpoint protection"): consecutive failures are counted per
 * username + IP, so an attacker can lock an account only from their own address, never its owner elsewhere; a slow
 * lane per IP limits how many failures one address may spend across all usernames. Only failures count.
 */
export function createLoginLimiter(limits: LoginLimits = defaultLoginLimits) {
  const pairRule = limits.failuresPerEmailAndIp;
  const ipRule = limits.failuresPerIp;
  const userIp = pairRule
    ? new RateLimiterMemory({
        keyPrefix: 'login-user-ip',
        points: pairRule.points,
        // "Consecutive": a success (delete) resets it. The recipe's 90 days would overflow the memory store's timers
        // (setTimeout tops out at 24.8 days and then fires at once), so failures are forgotten after a week instead.
        duration: WEEK,
        blockDuration: pairRule.duration,
      })
    : null;
  const ipSlow = ipRule ? new RateLimiterMemory({ keyPrefix: 'login-ip', points: ipRule.points, duration: ipRule.duration, blockDuration: ipRule.duration }) : null;
  const pair = (ip: string, email: string) => `${email.toLowerCase()}_${ip}`;
  const exhausted = (res: RateLimiterRes | null | undefined, rule: LoginRule): res is RateLimiterRes =>
    !!res && !!rule && res.consumedPoints >= rule.points;

  return {
    /** Call before checking the password; throws ERR_RATE_LIMITED with retryAfterSeconds. */
    async before(ip: string, email: string): Promise<void> {
      const [byPair, byIp] = await Promise.all([userIp?.get(pair(ip, email)), ipSlow?.get(ip)]);
      if (exhausted(byIp, ipRule)) limited(byIp);
      if (exhausted(byPair, pairRule)) limited(byPair);
    },
    async failed(ip: string, email: string): Promise<void> {
      // Over the limit consume() rejects (and starts the block): that is the point, not an error.
      await Promise.all([userIp?.consume(pair(ip, email)).catch(() => undefined), ipSlow?.consume(ip).catch(() => undefined)]);
    },
    async succeeded(ip: string, email: string): Promise<void> {
      await userIp?.delete(pair(ip, email));
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
