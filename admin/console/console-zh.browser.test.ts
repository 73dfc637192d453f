import { expect, it } from '@jest/globals';
import { PASSWORD } from '../test-support/harness.js';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';

run('staff console in Chinese in Chromium', () => {
  const ctx = useConsoleBrowser({}, { agentSocket: true });

  it('follows a Chinese browser, switches to English and back, and keeps the choice across a reload', async () => {
    const { h, browser, base } = ctx();
    const admin = await h.staff('admin', 'admin-zh@example.com');
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/console/`);
    await page.getByRole('heading', { name: 'Parley 控制台' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.getByText('没有等待中的对话。新的转人工请求会实时出现在这里。').waitFor();
    await page.click('a[href="#/intents"]');
    await page.getByRole('button', { name: '新建意图' }).click();
    await page.getByLabel('例句（每行一条）').waitFor();
    await page.screenshot({ path: `${artifacts}console-zh-intents.png` });
    await page.click('a[href="#/dashboard"]');
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    await page.screenshot({ path: `${artifacts}console-zh-dashboard.png` });

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Inbox' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('link', { name: '收件箱' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
