import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';

// Logs from a real process (pino's pretty transport runs in a worker thread, which jest's sandbox does not host).
function logOnce(format: string): string {
  const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
  const script = `const { createLogger } = await import(${JSON.stringify(logger)});
    const log = createLogger('info', ${JSON.stringify(format)});
    log.info({ user: { email: 'ann@example.com' }, conversationId: 'c1' }, 'reply sent');`;
  const file = join(mkdtempSync(join(tmpdir(), 'parley-log-')), 'log-once.mjs');
  writeFileSync(file, script);
  return execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

describe('logs', () => {
  it('json: one JSON object per line, PII redacted', () => {
    const line = JSON.parse(logOnce('json').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'reply sent', conversationId: 'c1', user: { email: '[redacted]' } });
  });

  it('pretty: human-readable lines, PII still redacted', () => {
    const out = logOnce('pretty');
    expect(() => JSON.parse(out.trim())).toThrow();
    expect(out).toMatch(/INFO.*reply sent/);
    expect(out).toContain('conversationId: "c1"');
    expect(out).not.toContain('ann@example.com');
  });

  it('defaults: pretty in development, JSON in production and test; LOG_FORMAT overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-log-'));
    const prod = { NODE_ENV: 'production', DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40), ENCRYPTION_KEY: 'x'.repeat(40), ALLOWED_ORIGINS: 'https://shop.example' };
    expect(loadConfig({ DATA_DIR: dir }).logFormat).toBe('pretty');
    expect(loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig(prod).logFormat).toBe('json');
    expect(loadConfig({ DATA_DIR: dir, LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ DATA_DIR: dir, LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT/);
  });
});
