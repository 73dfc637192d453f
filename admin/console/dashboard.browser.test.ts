import { expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { newToken } from '../../core/index.js';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';

run('console dashboard in Chromium', () => {
  const consoleBrowser = useConsoleBrowser();

  it('admin opens the dashboard: KPIs, charts, churn panel; CSV export downloads', async () => {
    const { h, browser, signIn } = consoleBrowser();
    // One escalated conversation (the untrained model falls back twice).
    const customer = await h.stores.customers.create({ visitorToken: newToken() });
    for (const [i, text] of ['Qwzx plok vrim?', 'qwzx PLOK vrim'].entries()) {
      const r = await h.dialogue.handle({ channel: 'widget', customerId: customer.id, clientMessageId: `d${i}`, senderKey: `customer:${customer.id}`, text });
      await r.processed;
    }
    await h.analytics.run({ full: true });
    const admin = await h.staff('admin', 'dash@example.com');

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    await signIn(page, admin.email, 'dashboard');
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
