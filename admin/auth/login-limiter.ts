import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ParleyError } from '../../core/index.js';

export interface LoginLimits {
  /** Consecutive failures for one email from one IP before that pair is blocked (a success resets it). */
  perUserAndIp: number;
  /** Failures from one IP per day, whatever the email (slow lane against spraying many accounts). */
  perIpPerDay: number;
  /** How long a username+IP pair stays blocked. */
  blockSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perUserAndIp: 10, perIpPerDay: 100, blockSeconds: 60 * 60 };

const DAY = 24 * 60 * 60;

function limited(res: RateLimiterRes | null): never {
  const ms = res?.msBeforeNext ?? 1000;
  throw new ParleyError('ERR_RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });
}

/**
 * rate-limiter-flexible's brute-force recipe ("Login endpoint protection"): consecutive failures are counted per
 * username + IP, so an attacker can lock an account only from their own address, never its owner elsewhere; a slow
 * lane per IP limits how many failures one address may spend across all usernames in a day. Only failures count.
 */
export function createLoginLimiter(limits: LoginLimits = defaultLoginLimits) {
  const userIp = new RateLimiterMemory({
    keyPrefix: 'login-user-ip',
    points: limits.perUserAndIp,
    // "Consecutive": a success (delete) resets it. The recipe's 90 days would overflow the memory store's timers
    // (setTimeout tops out at 24.8 days and then fires at once), so failures are forgotten after a week instead.
    duration: 7 * DAY,
    blockDuration: limits.blockSeconds,
  });
  const ipSlow = new RateLimiterMemory({ keyPrefix: 'login-ip-day', points: limits.perIpPerDay, duration: DAY, blockDuration: DAY });
  const pair = (ip: string, email: string) => `${email.toLowerCase()}_${ip}`;
  const exhausted = (res: RateLimiterRes | null, points: number) => res !== null && res.consumedPoints >= points;

  return {
    /** Call before checking the password; throws ERR_RATE_LIMITED with retryAfterSeconds. */
    async before(ip: string, email: string): Promise<void> {
      const [byPair, byIp] = await Promise.all([userIp.get(pair(ip, email)), ipSlow.get(ip)]);
      if (exhausted(byIp, limits.perIpPerDay)) limited(byIp);
      if (exhausted(byPair, limits.perUserAndIp)) limited(byPair);
    },
    async failed(ip: string, email: string): Promise<void> {
      // Over the limit consume() rejects (and starts the block): that is the point, not an error.
      await Promise.all([userIp.consume(pair(ip, email)).catch(() => undefined), ipSlow.consume(ip).catch(() => undefined)]);
    },
    async succeeded(ip: string, email: string): Promise<void> {
      await userIp.delete(pair(ip, email));
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
