import { expect, it } from '@jest/globals';
import { customerPrioritySetting, readSetting } from '../../core/index.js';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';

run('console customer priority page in Chromium', () => {
  const consoleBrowser = useConsoleBrowser();

  it('edits the thresholds and the retention offer, refuses a bad value, shows the retention counts', async () => {
    const { h, browser, signIn } = consoleBrowser();
    const admin = await h.staff('admin', 'priority-admin@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, admin.email, 'priority');
    await page.getByLabel('High value top percent').fill('5');
    await page.getByLabel('Churn risk threshold').fill('0.8');
    await page.getByLabel('Retention offer').fill('Stay, {{customer.name|friend}}: 20% off.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ok', { hasText: 'Saved' }).waitFor();
    expect(await readSetting(h.stores.kv, customerPrioritySetting)).toMatchObject({ highValueTopShare: 0.05, churnRiskAtLeast: 0.8, retentionOffer: 'Stay, {{customer.name|friend}}: 20% off.' });
    await page.getByLabel('Churn risk threshold').fill('3');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.error').first().waitFor();
    expect((await readSetting(h.stores.kv, customerPrioritySetting)).churnRiskAtLeast).toBe(0.8);
    expect(await page.getByTestId('retention').textContent()).toContain('0 offers to 0 customers');
    await page.screenshot({ path: `${artifacts}admin-customer-priority.png` });
  });
});
