import { describe, expect, it } from '@jest/globals';
import { createLoginLimiter } from './login-limiter.js';

const code = async (p: Promise<unknown>): Promise<string | null> => p.then(() => null, (e: { code?: string }) => e.code ?? 'thrown');

describe('login limiter (rate-limiter-flexible brute-force recipe)', () => {
  it('an attacker failing on the admin email from one IP cannot lock the admin out from another IP', async () => {
    const limiter = createLoginLimiter({ failuresPerEmailAndIp: { points: 5, duration: 3600 }, failuresPerIp: { points: 100, duration: 86_400 } });
    for (let i = 0; i < 5; i++) {
      expect(await code(limiter.before('203.0.113.9', 'admin@shop.example'))).toBeNull();
      await limiter.failed('203.0.113.9', 'admin@shop.example');
    }
    expect(await code(limiter.before('203.0.113.9', 'admin@shop.example'))).toBe('ERR_RATE_LIMITED');
    // The real admin, elsewhere: not locked.
    expect(await code(limiter.before('198.51.100.7', 'admin@shop.example'))).toBeNull();
  });

  it('counts consecutive failures: a success from that IP resets the username+IP count', async () => {
    const limiter = createLoginLimiter({ failuresPerEmailAndIp: { points: 3, duration: 3600 }, failuresPerIp: { points: 100, duration: 86_400 } });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) await limiter.failed('10.0.0.1', 'ann@shop.example');
      expect(await code(limiter.before('10.0.0.1', 'ann@shop.example'))).toBeNull();
      await limiter.succeeded('10.0.0.1', 'ann@shop.example');
    }
  });

  it('a slow lane per IP stops spraying many usernames', async () => {
    const limiter = createLoginLimiter({ failuresPerEmailAndIp: { points: 10, duration: 3600 }, failuresPerIp: { points: 4, duration: 86_400 } });
    for (let i = 0; i < 4; i++) await limiter.failed('203.0.113.9', `user${i}@shop.example`);
    expect(await code(limiter.before('203.0.113.9', 'someone-new@shop.example'))).toBe('ERR_RATE_LIMITED');
    expect(await code(limiter.before('198.51.100.7', 'someone-new@shop.example'))).toBeNull();
  });
});
