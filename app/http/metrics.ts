import { Registry, collectDefaultMetrics, Histogram, Gauge } from 'prom-client';
import type { RequestHandler } from 'express';

/** One registry per app instance (tests build several apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  const httpDuration = new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const socketClients = new Gauge({
    name: 'parley_socket_clients',
    help: 'Connected socket.io clients by namespace',
    labelNames: ['namespace'] as const,
    registers: [registry],
  });

  const observe: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      // Route templates, not raw paths: keeps label cardinality bounded.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.baseUrl || 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  return { registry, observe, socketClients };
}

export type Metrics = ReturnType<typeof createMetrics>;
