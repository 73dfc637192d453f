import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ParleyError } from '../../core/index.js';
import type { LimitRule, WidgetLimits } from './types.js';

export const defaultLimits: WidgetLimits = {
  messagesPerSocket: { points: 20, duration: 10 },
  messagesPerIp: { points: 200, duration: 10 },
  connectionsPerIp: { points: 60, duration: 10 },
  typingPerSocket: { points: 40, duration: 10 },
};

/** One limiter per rule; `consume` throws ERR_RATE_LIMITED with the wait in `details.retryAfterMs`. */
export class Limiter {
  private readonly limiter: RateLimiterMemory | null;

  constructor(rule: LimitRule, prefix: string) {
    this.limiter = rule ? new RateLimiterMemory({ keyPrefix: prefix, points: rule.points, duration: rule.duration }) : null;
  }

  async consume(key: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new ParleyError('ERR_RATE_LIMITED', { retryAfterMs: err.msBeforeNext });
      }
      throw err;
    }
  }

  /** True when allowed; never throws (for fire-and-forget events such as typing). */
  async allow(key: string): Promise<boolean> {
    try {
      await this.consume(key);
      return true;
    } catch {
      return false;
    }
  }

  /** Frees a key (socket ids are never reused, so drop them on disconnect). */
  forget(key: string): void {
    void this.limiter?.delete(key);
  }
}
