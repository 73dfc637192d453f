import type { z } from 'zod';
import { ParleyError, type ErrorIssue } from './errors.js';

/** zod issues -> `details.issues` of the common error shape. */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/**
 * Validates a boundary payload. Text over the limit maps to ERR_MESSAGE_TOO_LONG
 * (PROTOCOL.md), everything else to ERR_VALIDATION with the issues.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  if (issues.some((i) => i.message === 'ERR_MESSAGE_TOO_LONG')) {
    throw new ParleyError('ERR_MESSAGE_TOO_LONG', { issues });
  }
  throw new ParleyError('ERR_VALIDATION', { issues });
}
