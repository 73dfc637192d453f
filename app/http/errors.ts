import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ParleyError, toErrorBody } from '../../core/index.js';
import type { Logger } from '../logger.js';

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ParleyError('ERR_NOT_FOUND', { method: req.method, path: req.path }));
};

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** Renders every error in the common shape of PROTOCOL.md; unknown errors are logged, never leaked. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = err as BodyParserError;
    let mapped: unknown = err;
    if (e?.type === 'entity.parse.failed') {
      mapped = new ParleyError('ERR_VALIDATION', { issues: [{ path: '(body)', message: 'Malformed JSON' }] });
    } else if (e?.type === 'entity.too.large') {
      mapped = new ParleyError('ERR_PAYLOAD_TOO_LARGE');
    }
    const { status, body } = toErrorBody(mapped);
    if (status >= 500) req.log?.error({ err }, 'request failed');
    else if (!req.log) logger.debug({ code: body.code }, 'request refused');
    if (body.code === 'ERR_RATE_LIMITED' && typeof body.details?.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(Math.ceil(body.details.retryAfterSeconds)));
    }
    res.status(status).json({ error: body });
  };
}
