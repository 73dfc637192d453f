import express, { type RequestHandler } from 'express';
import { ParleyError, type ErrorCode } from '../errors.js';

/**
 * express.json whose failures already speak the common error shape, whatever error middleware the app mounts:
 * malformed JSON -> ERR_VALIDATION with an issue, oversize -> `tooLarge` (imports answer ERR_IMPORT_TOO_LARGE).
 */
export function jsonBody(limit: string | number, tooLarge: ErrorCode = 'ERR_PAYLOAD_TOO_LARGE'): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') return next(new ParleyError(tooLarge, { limit }));
      if (type === 'entity.parse.failed') return next(new ParleyError('ERR_VALIDATION', { issues: [{ path: '(body)', message: 'Malformed JSON' }] }));
      next(err);
    });
  };
}
