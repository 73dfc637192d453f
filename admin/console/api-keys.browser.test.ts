import { expect, it } from '@jest/globals';
import request from 'supertest';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';

run('console API keys page in Chromium', () => {
  const consoleBrowser = useConsoleBrowser();

  it('mints a scoped key shown once, the key works, and revoking it shuts it out', async () => {
    const { h, browser, signIn } = consoleBrowser();
    const admin = await h.staff('admin', 'keys-admin@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (d) => void d.accept());
    await signIn(page, admin.email, 'api-keys');
    await page.getByLabel('Name').fill('Shop backend');
    await page.getByLabel('analytics:read').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = await page.locator('[data-testid="minted-key"] input').inputValue();
    expect(key).toMatch(/^prl_/);
    await page.screenshot({ path: `${artifacts}admin-api-keys.png` });
    await request(h.app).get('/api/analytics/overview').set('X-Api-Key', key).expect(200);

    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await page.getByRole('cell', { name: 'Shop backend' }).waitFor();
    expect(await page.content()).not.toContain(key);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(/^revoked /).waitFor();
    expect((await request(h.app).get('/api/analytics/overview').set('X-Api-Key', key)).status).toBe(401);
  });
});
