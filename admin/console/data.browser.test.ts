import { expect, it } from '@jest/globals';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';

run('console Data page in Chromium', () => {
  const consoleBrowser = useConsoleBrowser();

  it('uploads an orders CSV, follows the job to done, lists the row errors and still shows the summary after a reload', async () => {
    const { h, browser, signIn } = consoleBrowser();
    const admin = await h.staff('admin', 'data-admin@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, admin.email, 'data');
    const orders = page.locator('section[data-import="orders"]');
    expect(await orders.textContent()).toContain('No orders imported yet');

    const csv = 'orderId,customerId,date,productId,quantity,amount,note\nD1,shop-1,2026-01-02,p1,1,9.99,x\nD1,shop-1,2026-01-02,p2,1,oops,x\nD2,shop-2,2026-01-03,,1,0,x\n';
    await orders.getByLabel('orders CSV file').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await orders.getByRole('button', { name: 'Import orders' }).click();
    await orders.locator('.import-summary').waitFor({ timeout: 30_000 });
    const rows = orders.locator('.row-errors tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('amount: Not a number');
    expect(await orders.locator('.notice').textContent()).toContain('note');
    expect(await h.stores.orders.count()).toMatchObject({ orders: 1, lines: 1 });
    await page.screenshot({ path: `${artifacts}admin-data.png` });

    await page.reload();
    await page.locator('section[data-import="orders"] .import-summary').waitFor();
    expect(await page.locator('section[data-import="orders"] .row-errors tbody tr').count()).toBe(2);
  });
});
