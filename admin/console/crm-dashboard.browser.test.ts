import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Server as HttpServer } from 'node:http';
import type { Browser } from 'playwright-core';
import { PASSWORD, openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { startConsoleServer } from '../test-support/console-server.js';
import { seedShop } from '../test-support/seed-shop.js';
import { artifactsDir as artifacts, describeWithChromium as run, launchChromium } from '../../test/support/chromium.js';

let h: AdminHarness;
let http: HttpServer;
let base: string;
let browser: Browser;

run('console CRM dashboard in Chromium', () => {
  beforeAll(async () => {
    h = await openAdminHarness();
    ({ http, base } = await startConsoleServer(h));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => http.close(() => r()));
    await h.close();
  });

  it('admin runs the CRM models as of a date from the dashboard and reads segments, churn, CLV and calibration', async () => {
    await seedShop(h.stores, 240);
    const admin = await h.staff('admin', 'crm@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${base}/console/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.click('a[href="#/dashboard"]');
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
