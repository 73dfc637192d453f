import { expect, it } from '@jest/globals';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { seedShop } from '../test-support/seed-shop.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';

run('console CRM dashboard in Chromium', () => {
  const consoleBrowser = useConsoleBrowser();

  it('admin runs the CRM models as of a date from the dashboard and reads segments, churn, CLV and calibration', async () => {
    const { h, browser, signIn } = consoleBrowser();
    await seedShop(h.stores, 240);
    const admin = await h.staff('admin', 'crm@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await signIn(page, admin.email, 'dashboard');
    await page.locator('.crm .notice', { hasText: 'No CRM run yet' }).waitFor();

    await page.getByLabel('As of').fill('2026-09-01');
    await page.getByRole('button', { name: 'Run models' }).click();
    await page.locator('.crm h4', { hasText: 'Segments and value' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.crm .toolbar').textContent()).toContain('240 with orders');
    expect(await page.locator('.crm canvas').count()).toBe(2);
    expect(await page.locator('.crm', { hasText: 'Customers by expected revenue' }).count()).toBe(1);
    expect(await page.locator('.crm', { hasText: 'Most valuable customers at risk' }).count()).toBe(1);
    await page.screenshot({ path: `${artifacts}crm-dashboard.png`, fullPage: true });
    await page.close();
  }, 120_000);
});
