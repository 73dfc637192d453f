/**
 * Field-level encryption of PII at rest (AES-256-GCM in the adapter). A cipher holds one current key and any number
 * of previous keys (rotation): every sealed value names the key it was sealed with, so old rows stay readable until
 * `npm run keys:rotate` re-seals them under the current key.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  /** Opens a sealed value under whichever known key sealed it; a value that was never sealed is returned as is. */
  decrypt(sealed: string): string;
  /** True when a stored value is plain or sealed under a key other than the current one (keys:rotate re-seals it). */
  isStale(stored: string): boolean;
  /**
   * Deterministic keyed hashes (HMAC-SHA256) of a value, one per known key, current key first: equality lookups of a
   * sealed column (external ids) query this column instead of plaintext. Rows written before a rotation match a
   * previous key's hash until keys:rotate recomputes them.
   */
  lookupHashes(value: string): string[];
}
