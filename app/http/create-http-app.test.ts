import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createLogger } from '../logger.js';
import { createHttpApp } from './create-http-app.js';
import { createMetrics } from './metrics.js';

const appWith = (metricsToken?: string) =>
  createHttpApp({
    logger: createLogger('silent'),
    metrics: createMetrics(),
    health: async () => ({ status: 'ok', store: 'embedded', retrieval: 'lexical', version: 'test' }),
    routers: [],
    isDraining: () => false,
    metricsToken,
  });

describe('/metrics', () => {
  it('is open without METRICS_TOKEN', async () => {
    const res = await request(appWith()).get('/metrics').expect(200);
    expect(res.text).toContain('parley_process_cpu_user_seconds_total');
  });

  it('with METRICS_TOKEN wants it as a Bearer token, and says nothing otherwise', async () => {
    const app = appWith('metrics-token-0123456789');
    for (const auth of [undefined, 'Bearer wrong', 'metrics-token-0123456789', 'Bearer metrics-token-0123456789x']) {
      const req = request(app).get('/metrics');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect([auth, res.status, res.body.error?.code]).toEqual([auth, 401, 'ERR_AUTH_REQUIRED']);
      expect(res.text).not.toContain('parley_');
    }
    const ok = await request(app).get('/metrics').set('Authorization', 'Bearer metrics-token-0123456789').expect(200);
    expect(ok.text).toContain('parley_process_cpu_user_seconds_total');
  });
});
