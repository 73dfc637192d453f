import { createHash, randomBytes } from 'node:crypto';

/** `prl_` + 32 random bytes (base64url): 256 bits, so a plain SHA-256 is a safe stored form (no slow hash needed). */
export const KEY_PATTERN = /^prl_[A-Za-z0-9_-]{43}$/;
export const PREFIX_LENGTH = 12;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export function mintKey(): { key: string; hash: string; prefix: string } {
  const key = `prl_${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashKey(key), prefix: key.slice(0, PREFIX_LENGTH) };
}
