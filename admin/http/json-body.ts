import express, { type RequestHandler } from 'express';
import { ParleyError, type ErrorCode } from '../../core/index.js';

interface BodyParserError extends Error {
  type?: string;
}

/**
 * JSON body parser whose failures are already in the common error shape, so the
 * admin routes behave the same whatever error middleware the app mounts.
 * `tooLarge` picks the code for oversize bodies (imports answer ERR_IMPORT_TOO_LARGE).
 */
export function jsonBody(limit: string | number, tooLarge: ErrorCode = 'ERR_PAYLOAD_TOO_LARGE'): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      const e = err as BodyParserError | undefined;
      if (!e) return next();
      if (e.type === 'entity.parse.failed') {
        return next(new ParleyError('ERR_VALIDATION', { issues: [{ path: '(body)', message: 'Malformed JSON' }] }));
      }
      if (e.type === 'entity.too.large') return next(new ParleyError(tooLarge, { limit }));
      next(err);
    });
  };
}
