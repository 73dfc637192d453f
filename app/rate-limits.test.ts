import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { parseRateLimits, rateLimitDefaults } from './rate-limits.js';

describe('RATE_LIMITS', () => {
  it('unset keeps every default; off lifts every limit', () => {
    expect(parseRateLimits(undefined)).toEqual(rateLimitDefaults);
    const off = parseRateLimits('off');
    expect(Object.keys(off).sort()).toEqual(Object.keys(rateLimitDefaults).sort());
    expect(Object.values(off).every((rule) => rule === null)).toBe(true);
  });

  it('a JSON object overrides the named limits only, and can lift one', () => {
    const l = parseRateLimits('{"messagesPerSocket":{"points":50,"duration":5},"loginFailuresPerIp":null,"typingPerSocket":"off"}');
    expect(l.messagesPerSocket).toEqual({ points: 50, duration: 5 });
    expect(l.loginFailuresPerIp).toBeNull();
    expect(l.typingPerSocket).toBeNull();
    expect(l.messagesPerIp).toEqual(rateLimitDefaults.messagesPerIp);
  });

  it.each([
    ['not json', /must be "off" or a JSON object/],
    ['{"messagesPerSokcet":{"points":1,"duration":1}}', /unknown limit messagesPerSokcet \(known: messagesPerSocket/],
    ['{"messagesPerSocket":{"points":0,"duration":10}}', /messagesPerSocket\.points/],
    ['{"messagesPerSocket":{"points":5}}', /messagesPerSocket\.duration/],
    ['[1,2]', /expected object/i],
  ])('refuses %s', (raw, message) => {
    expect(() => parseRateLimits(raw)).toThrow(message);
  });

  it('a malformed value stops boot with a message naming the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-limits-'));
    let problems: string[] = [];
    try {
      loadConfig({ DATA_DIR: dir, RATE_LIMITS: '{"messagesPerSocket":{"points":-1,"duration":10}}' });
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^RATE_LIMITS=.*messagesPerSocket\.points/);
    expect(loadConfig({ DATA_DIR: dir, RATE_LIMITS: 'off' }).rateLimits.messagesPerIp).toBeNull();
  });
});
