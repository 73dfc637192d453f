import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';

let h: AdminHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('GET /api/analytics/overview.csv', () => {
  it('exports the overview as CSV for admins only', async () => {
    h = await openAdminHarness();
    const admin = await h.staff('admin');
    const agent = await h.staff('agent');
    await h.analytics.run({ full: true });
    const res = await request(h.app).get('/api/analytics/overview.csv').set('Authorization', admin.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?parley-overview\.csv/);
    expect(res.text).toMatch(/^metric,value\nfrom,/);
    expect(res.text).toContain('conversations,0');
    const bad = await request(h.app).get('/api/analytics/overview.csv?from=yesterday').set('Authorization', admin.auth);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect((await request(h.app).get('/api/analytics/overview.csv').set('Authorization', agent.auth)).status).toBe(403);
    expect((await request(h.app).get('/api/analytics/overview.csv')).status).toBe(401);
  });

  it('is not mounted without analytics (falls through to the app 404)', async () => {
    h = await openAdminHarness({ analytics: undefined });
    const admin = await h.staff('admin');
    expect((await request(h.app).get('/api/analytics/overview.csv').set('Authorization', admin.auth)).status).toBe(404);
  });
});
