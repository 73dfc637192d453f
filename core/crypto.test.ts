import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createFieldCipher } from './index.js';

const OLD = 'old-key-old-key-old-key-old-key-0001';
const NEW = 'new-key-new-key-new-key-new-key-0002';

/** A value in the legacy `enc1:` form (no key id), as rows sealed before key ids existed hold it. */
function legacySeal(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', createHash('sha256').update(secret).digest(), iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `enc1:${iv.toString('base64url')}.${c.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
}

describe('field cipher key ring', () => {
  it('names the sealing key, so a rotated ring opens old values and reports them stale', () => {
    const before = createFieldCipher(OLD);
    const sealed = before.encrypt('ann@example.com');
    expect(before.isStale(sealed)).toBe(false);

    const rotated = createFieldCipher(NEW, [OLD]);
    expect(rotated.decrypt(sealed)).toBe('ann@example.com');
    expect(rotated.isStale(sealed)).toBe(true);
    const resealed = rotated.encrypt(rotated.decrypt(sealed));
    expect(rotated.isStale(resealed)).toBe(false);
    expect(resealed.split(':')[1]).not.toBe(sealed.split(':')[1]);

    // Without the previous key the old value cannot be opened, and the error says what to set.
    expect(() => createFieldCipher(NEW).decrypt(sealed)).toThrow(/ENCRYPTION_KEY_PREVIOUS/);
  });

  it('reads legacy enc1 values under any key of the ring and plain values as they are', () => {
    const rotated = createFieldCipher(NEW, [OLD]);
    expect(rotated.decrypt(legacySeal(OLD, 'legacy text'))).toBe('legacy text');
    expect(rotated.isStale(legacySeal(NEW, 'x'))).toBe(true);
    expect(rotated.decrypt('never sealed')).toBe('never sealed');
    expect(rotated.isStale('never sealed')).toBe(true);
    expect(() => createFieldCipher(NEW).decrypt(legacySeal(OLD, 'x'))).toThrow();
  });

  it('lookup hashes are deterministic per key, differ between keys and do not contain the value', () => {
    const a = createFieldCipher(OLD).lookupHashes('shop-42');
    expect(a).toEqual(createFieldCipher(OLD).lookupHashes('shop-42'));
    expect(a[0]).toMatch(/^[0-9a-f]{64}$/);
    const rotated = createFieldCipher(NEW, [OLD]).lookupHashes('shop-42');
    expect(rotated).toHaveLength(2);
    expect(rotated[1]).toBe(a[0]);
    expect(rotated[0]).not.toBe(a[0]);
    expect(createFieldCipher(OLD).lookupHashes('shop-43')[0]).not.toBe(a[0]);
  });
});
