import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldCipher } from './ports/cipher.js';

/** Legacy form, no key id: `enc1:<iv>.<tag>.<data>`. Still read (tried under every known key), never written. */
const LEGACY = 'enc1:';
/** Current form: `enc2:<key id>:<iv>.<tag>.<data>` (base64url). */
const PREFIX = 'enc2:';

interface Key {
  id: string;
  aes: Buffer;
  lookup: Buffer;
}

/** One secret string (>= 32 chars) becomes three independent values: the AES key, a public key id and a lookup key. */
function deriveKey(secret: string): Key {
  const aes = createHash('sha256').update(secret).digest();
  return {
    aes,
    // Keyed, so the id says which key sealed a value without saying anything about the key.
    id: createHmac('sha256', aes).update('parley:key-id').digest('base64url').slice(0, 8),
    lookup: createHmac('sha256', aes).update('parley:lookup-hash').digest(),
  };
}

function open(key: Key, iv: string, tag: string, data: string): string {
  const d = createDecipheriv('aes-256-gcm', key.aes, Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8');
}

function parts(body: string): [string, string, string] {
  const [iv, tag, data] = body.split('.');
  if (!iv || !tag || data === undefined) throw new Error('Malformed sealed value');
  return [iv, tag, data];
}

/**
 * AES-256-GCM field cipher over a key ring: `key` seals, `previous` keys (rotation) only open.
 * Values that are not sealed (rows written before sealing existed) read back as they are.
 */
export function createFieldCipher(key: string, previous: readonly string[] = []): FieldCipher {
  const current = deriveKey(key);
  const ring = [current, ...previous.filter((p) => p !== key).map(deriveKey)];
  const byId = new Map(ring.map((k) => [k.id, k]));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', current.aes, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${PREFIX}${current.id}:${iv.toString('base64url')}.${c.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
    },
    decrypt(sealed) {
      if (sealed.startsWith(PREFIX)) {
        const colon = sealed.indexOf(':', PREFIX.length);
        const k = byId.get(sealed.slice(PREFIX.length, colon));
        if (colon < 0 || !k) throw new Error('Sealed with an unknown key (set ENCRYPTION_KEY_PREVIOUS to the key it was sealed with)');
        return open(k, ...parts(sealed.slice(colon + 1)));
      }
      if (!sealed.startsWith(LEGACY)) return sealed;
      const body = parts(sealed.slice(LEGACY.length));
      for (const k of ring) {
        try {
          return open(k, ...body);
        } catch {
          // GCM authentication failed: sealed under another key of the ring.
        }
      }
      throw new Error('Sealed with an unknown key (set ENCRYPTION_KEY_PREVIOUS to the key it was sealed with)');
    },
    isStale(stored) {
      return !stored.startsWith(`${PREFIX}${current.id}:`);
    },
    lookupHashes(value) {
      return ring.map((k) => createHmac('sha256', k.lookup).update(value, 'utf8').digest('hex'));
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
