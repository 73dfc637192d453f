import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Server as HttpServer } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { Server } from 'socket.io';
import { newToken } from '../../core/index.js';
import { demoIntents } from '../../nlu/index.js';
import { attachAgentNamespace } from '../agent/namespace.js';
import { JWT_SECRET, PASSWORD, openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { startConsoleServer } from '../test-support/console-server.js';
import { artifactsDir as artifacts, describeWithChromium as run, launchChromium } from '../../test/support/chromium.js';


let h: AdminHarness;
let http: HttpServer;
let io: Server;
let base: string;
let browser: Browser;

run('staff console in Chromium', () => {
  beforeAll(async () => {
    h = await openAdminHarness();
    ({ http, base } = await startConsoleServer(h));
    // The listening server accepts the socket.io upgrade once the namespace is attached.
    io = new Server(http);
    attachAgentNamespace(io, { dialogue: h.dialogue, stores: h.stores, jwtSecret: JWT_SECRET, knowledge: h.knowledge });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => io.close(() => r()));
    await h.close();
  });

  async function signIn(page: Page, email: string) {
    await page.goto(`${base}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('admin adds an FAQ (shown as text), retrains with progress to done, and the bot answers the new question', async () => {
    for (const intent of demoIntents) await h.stores.intents.putIntent(intent);
    const admin = await h.staff('admin', 'admin@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, admin.email);
    await page.click('a[href="#/faq"]');
    // No embedding model in the test's MODELS_DIR: the degraded mode is spelled out on the FAQ page.
    expect(await page.getByTestId('retrieval-mode').textContent()).toContain('lexical only');
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('Question').fill('Do you sell gift cards?');
    await page.getByLabel(/Alternate phrasings/).fill('Can I buy a voucher?');
    await page.getByLabel(/^Answer/).fill('<img src=x onerror="window.pwned=1"> Yes, from 10 EUR: https://shop.example/gift');
    await page.getByRole('button', { name: 'Save' }).click();
    const item = page.locator('.faq-list li', { hasText: 'Do you sell gift cards?' });
    await item.waitFor();
    expect(await item.locator('.answer').textContent()).toContain('<img src=x');
    expect(await item.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.screenshot({ path: `${artifacts}admin-faq.png` });

    await page.click('a[href="#/train"]');
    await page.getByRole('button', { name: 'Train now' }).click();
    await page.locator('.job[data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.job').textContent()).toContain('100%');
    await page.screenshot({ path: `${artifacts}admin-train.png` });

    await page.click('a[href="#/test"]');
    await page.getByLabel('Test message').fill('Do you sell gift cards?');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByTestId('decision').waitFor();
    expect(await page.getByTestId('decision').textContent()).toBe('faq');
    expect(await page.locator('blockquote').textContent()).toContain('Yes, from 10 EUR');
    await page.screenshot({ path: `${artifacts}admin-test-console.png` });

    // The Test page runs a form turn by turn (nothing stored), then the intent page edits the form.
    await page.getByLabel('Conversation message').fill('where is my order');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('test-form').waitFor();
    expect(await page.getByTestId('test-form').textContent()).toContain('waiting for order_id');
    await page.getByLabel('Conversation message').fill('my order number is <b>12345</b>');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('test-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('test-turns').textContent()).toContain('Let me look up order 12345');
    await page.screenshot({ path: `${artifacts}admin-test-form.png` });
    await page.click('a[href="#/intents"]');
    await page.locator('tr', { hasText: 'order_status' }).click();
    expect(await page.getByLabel('Slot 1 entity').inputValue()).toBe('order_id');
    await page.getByLabel(/^Confirmation/).fill('Look up order {{order_id}}?');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ok').waitFor();
    expect((await h.stores.intents.getIntent('order_status'))?.confirm).toBe('Look up order {{order_id}}?');
    await page.screenshot({ path: `${artifacts}admin-intent-form.png` });

    // The customer side: the live dialogue answers the new question with the new answer.
    const customer = await h.stores.customers.create({ visitorToken: newToken() });
    const turn = await h.dialogue.handle({ channel: 'widget', customerId: customer.id, clientMessageId: 'g1', senderKey: `customer:${customer.id}`, text: 'Do you sell gift cards?' });
    const replies = await turn.processed;
    expect(replies.map((m) => m.text).join('\n')).toContain('Yes, from 10 EUR');
    await page.close();
  }, 120_000);

  it('agent claims an escalated conversation, sees the customer text as text, replies; admin pages stay closed', async () => {
    const agent = await h.staff('agent', 'agent@example.com');
    const customer = await h.stores.customers.create({ visitorToken: newToken(), name: 'Casey' });
    const conv = await h.dialogue.escalate(customer.id, 'widget', 'asked');
    await h.dialogue.handle({ channel: 'widget', customerId: customer.id, clientMessageId: 'x1', senderKey: `customer:${customer.id}`, text: '<script>window.pwned=1</script> my parcel is late' });
    const customerSaw: string[] = [];
    h.dialogue.events.on('message', ({ message }) => {
      if (message.author === 'agent') customerSaw.push(message.text);
    });

    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } }); // tablet
    await signIn(page, agent.email);
    expect(await page.locator('nav a').allTextContents()).toEqual(['Inbox']);
    const row = page.locator(`.queue li[data-id="${conv.id}"] button`);
    await row.waitFor();
    await row.click();
    const msg = page.locator('.msg.customer').first();
    await msg.waitFor();
    expect(await msg.textContent()).toContain('<script>window.pwned=1</script>');
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByLabel('Reply').waitFor();
    await page.getByLabel('Reply').fill('Sorry about that, I am checking now.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.msg.agent', { hasText: 'checking now' }).waitFor();
    expect(customerSaw).toEqual(['Sorry about that, I am checking now.']);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.screenshot({ path: `${artifacts}agent-inbox.png` });

    await page.goto(`${base}/console/#/faq`);
    await page.locator('.inbox').waitFor();
    const status = await page.evaluate(async () => {
      const s = JSON.parse(sessionStorage.getItem('parley.console.session') ?? '{}') as { token?: string };
      return (await fetch('/api/faqs', { headers: { Authorization: `Bearer ${s.token ?? ''}` } })).status;
    });
    expect(status).toBe(403);
    await page.close();
  }, 120_000);

  it('admin sets a staff member’s password on the Staff page, and the new one signs in', async () => {
    const admin = await h.staff('admin', 'boss@example.com');
    const agent = await h.staff('agent', 'newbie@example.com');
    const page = await browser.newPage();
    await signIn(page, admin.email);
    await page.click('a[href="#/users"]');
    const row = page.locator('tr', { hasText: agent.email });
    await row.getByRole('button', { name: 'Set password' }).click();
    await row.getByLabel(`New password for ${agent.email}`).fill('a brand new passphrase');
    await row.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('status').filter({ hasText: `Password of ${agent.email} changed.` }).waitFor();
    const login = (password: string) =>
      page.evaluate(async (body) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status, JSON.stringify({ email: agent.email, password }));
    expect(await login('a brand new passphrase')).toBe(200);
    expect(await login(PASSWORD)).toBe(401);
    await page.close();
  }, 60_000);
});
