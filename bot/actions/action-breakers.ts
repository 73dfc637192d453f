import CircuitBreaker from 'opossum';
import { DEFAULT_ACTION_CONCURRENCY, type HttpAction } from '../../core/index.js';
import { ActionFailure, callHttpAction, type ActionAnswer } from './http-action.js';

export interface BreakerOptions {
  /** How long an open circuit answers with the fallback before one call is let through again (default 15 s). */
  resetTimeoutMs?: number;
}

type Breaker = CircuitBreaker<[string], ActionAnswer>;

/**
 * One opossum circuit breaker per intent action, which also bounds its concurrency (`capacity`).
 * Why these settings: a dead backend should cost one timeout, not one per message, so the circuit opens on
 * the first failure in a 10 s window without a success (volume 1, 50 % errors); a healthy backend's rare
 * failure among successes stays under 50 % and opens nothing. Our own AbortSignal times the call (opossum's
 * timeout would leave the request running), so opossum's timeout is off.
 */
export class ActionBreakers {
  private readonly breakers = new Map<string, { config: string; breaker: Breaker }>();

  constructor(
    private readonly secret: string,
    private readonly options: BreakerOptions = {},
  ) {}

  async fire(id: string, action: HttpAction, body: string): Promise<ActionAnswer> {
    try {
      return await this.breakerFor(id, action).fire(body);
    } catch (err) {
      if (err instanceof ActionFailure) throw err;
      const code = (err as { code?: unknown }).code;
      if (code === 'EOPENBREAKER') throw new ActionFailure('open');
      if (code === 'ESEMLOCKED') throw new ActionFailure('busy');
      throw new ActionFailure('error', err instanceof Error ? err.message : String(err));
    }
  }

  /** Circuit state per action id, for tests and the console. */
  state(id: string): 'closed' | 'open' | 'half-open' | null {
    const b = this.breakers.get(id)?.breaker;
    if (!b) return null;
    return b.opened ? 'open' : b.halfOpen ? 'half-open' : 'closed';
  }

  close(): void {
    for (const { breaker } of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }

  private breakerFor(id: string, action: HttpAction): Breaker {
    // An edited action (new URL, timeout or limit) gets a fresh circuit: the old one's history is about another backend.
    const config = JSON.stringify([action.url, action.timeoutMs, action.maxConcurrent]);
    const known = this.breakers.get(id);
    if (known?.config === config) return known.breaker;
    known?.breaker.shutdown();
    const breaker: Breaker = new CircuitBreaker((body: string) => callHttpAction(action, body, this.secret), {
      name: id,
      timeout: false,
      capacity: action.maxConcurrent ?? DEFAULT_ACTION_CONCURRENCY,
      errorThresholdPercentage: 50,
      volumeThreshold: 1,
      resetTimeout: this.options.resetTimeoutMs ?? 15_000,
      rollingCountTimeout: 10_000,
      rollingCountBuckets: 10,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
    });
    this.breakers.set(id, { config, breaker });
    return breaker;
  }
}
