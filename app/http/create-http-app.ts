import express, { type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { ParleyError, safeEqual, type HealthBody } from '../../core/index.js';
import type { Logger } from '../logger.js';
import { errorHandler, notFound } from './errors.js';
import type { Metrics } from './metrics.js';
import type { TrustProxy } from './client-ip.js';

export interface HttpAppDeps {
  logger: Logger;
  metrics: Metrics;
  health: () => Promise<HealthBody & { checks?: Record<string, unknown> }>;
  /** Mounted in order after the built-in routes. */
  routers: Router[];
  /** Requests are refused with 503 while draining for shutdown. */
  isDraining: () => boolean;
  /** TRUST_PROXY; off by default: X-Forwarded-For is ignored and req.ip is the socket address. */
  trustProxy?: TrustProxy;
  /** METRICS_TOKEN: when set, /metrics wants `Authorization: Bearer <token>`; unset = open (keep it off the internet). */
  metricsToken?: string;
}

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The widget and console bundles are same-origin scripts; sockets may go to this origin.
          'script-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
      // widget.js is loaded by other sites' pages.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use(deps.metrics.observe);
  app.use((req, res, next) => {
    if (!deps.isDraining()) return next();
    res.setHeader('Connection', 'close');
    res.status(503).json({ error: { code: 'ERR_UNAVAILABLE', message: 'Shutting down' } });
  });
  // FAQ imports have their own, larger limit and a specific error (ERR_IMPORT_TOO_LARGE): admin parses that body itself.
  const json = express.json({ limit: '256kb' });
  app.use((req, res, next) => (req.path === '/api/faqs/import' ? next() : json(req, res, next)));

  app.get('/healthz', async (_req, res, next) => {
    try {
      const body = await deps.health();
      res.status(body.status === 'ok' ? 200 : 503).json(body);
    } catch (err) {
      next(err);
    }
  });
  const metricsAuth = deps.metricsToken ? `Bearer ${deps.metricsToken}` : null;
  app.get('/metrics', async (req, res, next) => {
    try {
      if (metricsAuth && !safeEqual(req.get('authorization') ?? '', metricsAuth)) throw new ParleyError('ERR_AUTH_REQUIRED');
      res.setHeader('Content-Type', deps.metrics.registry.contentType);
      res.send(await deps.metrics.registry.metrics());
    } catch (err) {
      next(err);
    }
  });

  for (const router of deps.routers) app.use(router);
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
