import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';
import { actionBackend, json, type ActionBackend } from '../../bot/test-support/action-backend.js';

let backend: ActionBackend;
beforeAll(async () => {
  backend = await actionBackend({ '/status': json({ text: 'Order A1 shipped <b>today</b>' }) });
});
afterAll(async () => backend.close());

run('console intent action editor in Chromium', () => {
  const consoleBrowser = useConsoleBrowser({ actionsSecret: 'browser-test-secret' });

  it('sets an http action (URL, timeout), test-calls it and shows the answer as text, keeps it on save', async () => {
    const { h, browser, signIn } = consoleBrowser();
    await h.stores.intents.putIntent({ name: 'track', utterances: ['track my parcel'], answer: 'Tracking is down.', action: { type: 'builtin', name: 'order_status' } });
    const admin = await h.staff('admin', 'action-admin@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, admin.email, 'intents');
    await page.locator('tr', { hasText: 'track' }).click();
    expect(await page.getByLabel('Action type').inputValue()).toBe('builtin');
    await page.getByLabel('Action type').selectOption('http');
    await page.getByLabel('Action URL').fill(backend.url('/status'));
    await page.getByLabel('Action timeout').fill('1500');
    await page.getByRole('button', { name: 'Test call' }).click();
    const result = page.getByTestId('action-test-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Order A1 shipped <b>today</b>');
    expect(await result.locator('b').count()).toBe(0); // shown as text, never rendered
    await page.screenshot({ path: `${artifacts}admin-intent-action.png` });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ok', { hasText: 'Saved' }).waitFor();
    expect((await h.stores.intents.getIntent('track'))?.action).toEqual({ type: 'http', url: backend.url('/status'), timeoutMs: 1500 });
  });
});
