import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { parseOrThrow } from '../../core/index.js';

/** Replaces req.body with the parsed value or fails with ERR_VALIDATION (common shape). */
export function validateBody<S extends z.ZodType>(schema: S): RequestHandler {
  return (req, _res, next) => {
    req.body = parseOrThrow(schema, req.body ?? {});
    next();
  };
}
