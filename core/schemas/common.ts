import { z } from 'zod';

export const idSchema = z.string().min(1).max(128);
export const isoDateSchema = z.string().min(1);

/**
 * Ill-formed UTF-16 (a lone surrogate) cannot be stored faithfully: UTF-8 stores and JSON encoders turn it into U+FFFD,
 * so what we keep would differ from what was sent. `\p{Surrogate}` in a `u` regex matches only unpaired halves.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;
export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);
/** A string from a client: well-formed UTF-16, else ERR_VALIDATION. */
export const wellFormedString = () => z.string().refine(isWellFormed, { message: 'Text contains an unpaired surrogate (ill-formed UTF-16)' });

/** Message text rule of PROTOCOL.md: trimmed, then 1-4000 Unicode code points. */
export const MAX_TEXT_CODE_POINTS = 4000;
export const textSchema = wellFormedString()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'Text must not be empty'))
  .refine((s) => [...s].length <= MAX_TEXT_CODE_POINTS, { message: 'ERR_MESSAGE_TOO_LONG' });

export const clientMessageIdSchema = z.string().min(1).max(64);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  /** Default 50, max 200 (stores clamp). */
  limit?: number;
  cursor?: string | null;
}

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(256).optional(),
});
