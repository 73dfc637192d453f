/** Field-level encryption of PII at rest (AES-256-GCM in the adapter). */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}
