import { z } from 'zod';

export const idSchema = z.string().min(1).max(128);
export const isoDateSchema = z.string().min(1);

/** Message text rule of PROTOCOL.md: trimmed, then 1-4000 Unicode code points. */
export const MAX_TEXT_CODE_POINTS = 4000;
export const textSchema = z
  .string()
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
