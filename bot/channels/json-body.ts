import express, { type RequestHandler } from 'express';
import { ParleyError } from '../../core/index.js';

/** express.json whose failures already speak the common error shape (malformed JSON -> ERR_VALIDATION). */
export function jsonBody(limit = '64kb'): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') return next(new ParleyError('ERR_PAYLOAD_TOO_LARGE'));
      return next(new ParleyError('ERR_VALIDATION', { issues: [{ path: '(body)', message: 'Malformed JSON' }] }));
    });
  };
}
