import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'parley-config-'));
const problems = (env: NodeJS.ProcessEnv) => {
  try { loadConfig(env); return []; } catch (e) { return (e as ConfigError).problems; }
};
const secret = 'x'.repeat(40);

describe('config', () => {
  it('has local defaults and is frozen', () => {
    const c = loadConfig({ DATA_DIR: dataDir() });
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', store: 'embedded', production: false, allowedOrigins: null });
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('development without ADMIN_EMAIL gets a first admin with a generated password; production never invents one', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).admin).toEqual({ email: 'admin@example.com' });
    expect(loadConfig({ DATA_DIR: dataDir(), ADMIN_EMAIL: 'Ann@Shop.example', ADMIN_PASSWORD: 'long enough password' }).admin).toEqual({ email: 'ann@shop.example', password: 'long enough password' });
    const prod = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), JWT_SECRET: secret, ENCRYPTION_KEY: secret, ALLOWED_ORIGINS: 'https://shop.example' });
    expect(prod.admin).toBeUndefined();
  });

  it('generates development secrets once and keeps them', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(loadConfig({ DATA_DIR: dir }).jwtSecret);
  });

  it('names the variable and what is allowed', () => {
    expect(problems({ DATA_DIR: dataDir(), PORT: 'eighty' })[0]).toMatch(/^PORT="eighty": /);
    expect(problems({ DATA_DIR: dataDir(), STORE: 'postgres' })[0]).toMatch(/^STORE="postgres": .*embedded.*mongo/);
    expect(problems({ DATA_DIR: dataDir(), STORE: 'mongo' })[0]).toMatch(/^MONGODB_URI: is required when STORE=mongo/);
    // A connection string may carry a password: the variable is named, its value is not echoed.
    expect(problems({ DATA_DIR: dataDir(), MONGODB_URI: 'http://user:pw@x' })[0]).toMatch(/^MONGODB_URI: must start with mongodb:\/\//);
  });

  it('production refuses insecure defaults', () => {
    const found = problems({ NODE_ENV: 'production', DATA_DIR: dataDir(), MICROSOFT_APP_ID: 'app' }).join('\n');
    expect(found).toMatch(/JWT_SECRET: is required/);
    expect(found).toMatch(/ENCRYPTION_KEY: is required/);
    expect(found).toMatch(/ALLOWED_ORIGINS: is required/);
    expect(found).toMatch(/MICROSOFT_APP_PASSWORD/);
    expect(problems({ NODE_ENV: 'production', DATA_DIR: dataDir(), JWT_SECRET: secret, ENCRYPTION_KEY: secret, ALLOWED_ORIGINS: 'https://shop.example', ADMIN_EMAIL: 'a@b.co' }))
      .toEqual(['ADMIN_PASSWORD: is required with ADMIN_EMAIL in production (no default password)']);
    const ok = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), JWT_SECRET: secret, ENCRYPTION_KEY: secret, ALLOWED_ORIGINS: 'https://shop.example, https://www.shop.example' });
    expect(ok.allowedOrigins).toEqual(['https://shop.example', 'https://www.shop.example']);
  });

  it('ENCRYPTION_KEY_PREVIOUS: comma-separated old keys for rotation, each a real key, never echoed', () => {
    const old = 'o'.repeat(40);
    expect(loadConfig({ DATA_DIR: dataDir() }).encryptionKeyPrevious).toEqual([]);
    expect(loadConfig({ DATA_DIR: dataDir(), ENCRYPTION_KEY_PREVIOUS: `${old}, ${'p'.repeat(32)}` }).encryptionKeyPrevious).toEqual([old, 'p'.repeat(32)]);
    const found = problems({ DATA_DIR: dataDir(), ENCRYPTION_KEY_PREVIOUS: `${old},short-old-key` });
    expect(found.join('\n')).toMatch(/ENCRYPTION_KEY_PREVIOUS/);
    expect(found.join('\n')).not.toContain('short-old-key');
  });

  it('refuses half the Bot Framework credentials in every mode (the channel would be open or silently off)', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(problems({ NODE_ENV, DATA_DIR: dataDir(), MICROSOFT_APP_ID: 'app' }).join('\n')).toMatch(/MICROSOFT_APP_PASSWORD/);
      expect(problems({ NODE_ENV, DATA_DIR: dataDir(), MICROSOFT_APP_PASSWORD: 'pw' }).join('\n')).toMatch(/MICROSOFT_APP_ID/);
    }
  });

  it('production refuses the sample secrets once shipped in docker-compose and ALLOWED_ORIGINS=*, with a clear boot error', () => {
    const base = { NODE_ENV: 'production', DATA_DIR: dataDir(), JWT_SECRET: secret, ENCRYPTION_KEY: secret, ALLOWED_ORIGINS: 'https://shop.example' };
    expect(problems({ ...base, JWT_SECRET: 'change-me-change-me-change-me-change-me' })[0]).toMatch(/^JWT_SECRET: .*sample value/);
    expect(problems({ ...base, ENCRYPTION_KEY: 'change-me-too-change-me-too-change-me-too' })[0]).toMatch(/^ENCRYPTION_KEY: .*sample value/);
    expect(problems({ ...base, ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'parley-admin-please-change' })[0]).toMatch(/^ADMIN_PASSWORD: .*sample value/);
    expect(problems({ ...base, ALLOWED_ORIGINS: '*' })[0]).toMatch(/^ALLOWED_ORIGINS=.*\*/);
    expect(problems({ ...base, ALLOWED_ORIGINS: 'https://shop.example,*' })[0]).toMatch(/^ALLOWED_ORIGINS=/);
    // The values never leak into the message (boot logs are read by many).
    expect(problems({ ...base, JWT_SECRET: 'change-me-change-me-change-me-change-me' })[0]).not.toContain('change-me');
    // Development keeps working with them (local trials).
    expect(problems({ DATA_DIR: dataDir(), JWT_SECRET: 'change-me-change-me-change-me-change-me', ALLOWED_ORIGINS: '*' })).toEqual([]);
  });

  it('docker-compose makes the operator set every secret (no usable defaults)', () => {
    const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
    for (const name of ['JWT_SECRET', 'ENCRYPTION_KEY', 'ADMIN_PASSWORD', 'ALLOWED_ORIGINS']) {
      expect(compose).toMatch(new RegExp(`${name}: \\$\\{${name}:\\?[^}]+\\}`));
    }
    expect(compose).not.toMatch(/:-change-me|please-change|ALLOWED_ORIGINS:-\*/);
  });

  it('TRUST_PROXY: off by default (also in production), a hop count or proxy addresses; anything else stops boot', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), JWT_SECRET: secret, ENCRYPTION_KEY: secret, ALLOWED_ORIGINS: 'https://shop.example' }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
    for (const bad of ['true', 'banana', '99']) expect(problems({ DATA_DIR: dataDir(), TRUST_PROXY: bad })[0]).toMatch(/^TRUST_PROXY=.*hop count/);
  });

  it('enables optional channels only when configured', () => {
    const c = loadConfig({ DATA_DIR: dataDir(), WEBHOOK_API_KEY: 'k'.repeat(20), MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' });
    expect(c.webhook).toEqual({ apiKey: 'k'.repeat(20), callbackUrl: undefined });
    expect(c.botFramework.enabled).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir() }).botFramework.enabled).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), WEBHOOK_API_KEY: '' }).webhook).toBeUndefined();
  });
});
