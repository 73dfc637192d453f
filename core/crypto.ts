import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldCipher } from './ports/cipher.js';

const PREFIX = 'enc1:';

/**
 * AES-256-GCM field cipher. The key is any string of >= 32 chars (hashed to 32 bytes).
 * Sealed form `enc1:<iv>.<tag>.<data>` (base64url) so plain legacy values still read.
 */
export function createFieldCipher(key: string): FieldCipher {
  const k = createHash('sha256').update(key).digest();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${PREFIX}${iv.toString('base64url')}.${c.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith(PREFIX)) return sealed;
      const [iv, tag, data] = sealed.slice(PREFIX.length).split('.');
      if (!iv || !tag || data === undefined) throw new Error('Malformed sealed value');
      const d = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

export function hmacHex(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

/** Constant-time comparison of two hex/ascii strings. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
