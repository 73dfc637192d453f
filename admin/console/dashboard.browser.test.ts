import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Server as HttpServer } from 'node:http';
import type { Browser } from 'playwright-core';
import { newToken } from '../../core/index.js';
import { PASSWORD, openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { startConsoleServer } from '../test-support/console-server.js';
import { artifactsDir as artifacts, describeWithChromium as run, launchChromium } from '../../test/support/chromium.js';


let h: AdminHarness;
let http: HttpServer;
let base: string;
let browser: Browser;

run('console dashboard in Chromium', () => {
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

  it('admin opens the dashboard: KPIs, charts, churn panel; CSV export downloads', async () => {
    // One escalated conversation (the untrained model falls back twice).
    const customer = await h.stores.customers.create({ visitorToken: newToken() });
    for (const [i, text] of ['Qwzx plok vrim?', 'qwzx PLOK vrim'].entries()) {
      const r = await h.dialogue.handle({ channel: 'widget', customerId: customer.id, clientMessageId: `d${i}`, senderKey: `customer:${customer.id}`, text });
      await r.processed;
    }
    await h.analytics.run({ full: true });
    const admin = await h.staff('admin', 'dash@example.com');

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    await page.goto(`${base}/console/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.click('a[href="#/dashboard"]');
    await page.locator('.kpis').waitFor();
    const conversations = page.locator('.kpi', { hasText: 'Conversations' }).locator('.kpi-value');
    expect(await conversations.textContent()).toBe('1');
    expect(await page.locator('.kpi', { hasText: 'Escalation rate' }).locator('.kpi-value').textContent()).toBe('100%');
    expect(await page.locator('.chart canvas').count()).toBe(3);
    expect(await page.locator('.notice').first().textContent()).toContain('Not enough labelled data yet:');
    await page.screenshot({ path: `${artifacts}dashboard.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/^parley-overview-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await readFile(path, 'utf8')).toMatch(/^metric,value\nfrom,/);

    // A range with no data shows the empty state.
    await page.locator('input[type=date]').first().fill('2001-01-01');
    await page.locator('input[type=date]').nth(1).fill('2001-01-31');
    await page.locator('.empty', { hasText: 'No conversations in this range' }).waitFor();
    await page.close();
  }, 120_000);
});
