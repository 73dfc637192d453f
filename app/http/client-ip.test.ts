import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import express from 'express';
import request from 'supertest';
import { clientIpResolver, type TrustProxy } from './client-ip.js';

const req = (remoteAddress: string, xff?: string) =>
  ({ headers: xff ? { 'x-forwarded-for': xff } : {}, connection: { remoteAddress }, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('clientIpResolver (TRUST_PROXY)', () => {
  it('off: X-Forwarded-For is ignored', () => {
    expect(clientIpResolver(false)(req('10.0.0.5', '203.0.113.9'))).toBe('10.0.0.5');
  });

  it('a hop count believes that many proxies, from the socket outwards', () => {
    expect(clientIpResolver(1)(req('10.0.0.5', '1.1.1.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientIpResolver(2)(req('10.0.0.5', '1.1.1.1, 203.0.113.9'))).toBe('1.1.1.1');
  });

  it('addresses: only listed proxies may speak for the client', () => {
    const ip = clientIpResolver(['10.0.0.0/8']);
    expect(ip(req('10.0.0.5', '203.0.113.9'))).toBe('203.0.113.9');
    expect(ip(req('198.51.100.7', '203.0.113.9'))).toBe('198.51.100.7');
    // A client cannot smuggle an address by prepending entries: the first untrusted hop from the socket wins.
    expect(ip(req('10.0.0.5', '6.6.6.6, 203.0.113.9'))).toBe('203.0.113.9');
  });

  it('agrees with express req.ip for the same setting', async () => {
    for (const setting of [false, 1, ['loopback']] as TrustProxy[]) {
      const app = express().set('trust proxy', setting);
      app.get('/', (r, res) => {
        res.json({ express: r.ip, ours: clientIpResolver(setting)(r) });
      });
      const res = await request(app).get('/').set('x-forwarded-for', '6.6.6.6, 203.0.113.9');
      expect(res.body.ours).toBe(res.body.express);
    }
  });
});
