import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createFieldCipher, type DialogueApi, type Stores } from '../../core/index.js';
import { createDialogue } from '../../bot/index.js';
import { testFaqs, testIntents, testUnderstander } from '../../bot/test-support/keyword-understanding.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { buildWidgetBundle, demoPageHtml } from '../index.js';
import { startWidgetServer, type WidgetTestServer } from '../test-support/socket-harness.js';
import { artifactsDir as artifacts, describeWithChromium as d, launchChromium } from '../../test/support/chromium.js';

const ann = { id: 'agent-ann', name: 'Ann' };

let dir: string;
let stores: Stores;
let dialogue: DialogueApi;
let server: WidgetTestServer;
let browser: Browser;

d('widget in Chromium (demo page)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-widget-browser-'));
    stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('widget-test-key-widget-test-key-1234') });
    for (const intent of testIntents) await stores.intents.putIntent(intent);
    dialogue = createDialogue({ stores, nlu: testUnderstander, knowledge: testFaqs, policy: { escalateAfterFallbacks: 2, escalateNegativeStreak: 2 } });
    const { code } = await buildWidgetBundle();
    const page = demoPageHtml();
    server = await startWidgetServer({ dialogue, stores }, (req, res) => {
      if (req.url === '/widget.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code);
      else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else if (!req.url?.startsWith('/socket.io')) res.writeHead(404).end();
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dialogue?.drain();
    await stores?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const send = async (page: Page, text: string): Promise<void> => {
    await page.getByLabel('Type your message').fill(text);
    await page.keyboard.press('Enter');
  };
  const bubble = (page: Page, text: string) => page.locator('li.msg .text', { hasText: text }).first();

  it('chats, gets an FAQ answer, is handed to an agent, rates after close and keeps history on reload', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + '/');

    // Keyboard only: focus the launcher, Enter opens and focuses the input, Escape closes and returns focus.
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Chat with us' }).waitFor();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await bubble(page, 'Hello! How can I help you today?').waitFor();

    // A vague question: "did you mean" with suggestions rendered as buttons.
    await send(page, 'shipping?');
    await bubble(page, 'Did you mean one of these?').waitFor();
    await page.getByRole('group', { name: 'Suggested replies' }).getByRole('button', { name: 'How long does shipping take?' }).waitFor();
    await send(page, 'shipping and delivery times');
    await bubble(page, 'Shipping takes 3-5 business days.').waitFor();

    // Text only: markup typed by a customer is shown as text, never parsed.
    await send(page, '<img src=x onerror="window.__pwned=1">');
    await bubble(page, '<img src=x onerror=').waitFor();
    expect(await page.locator('#parley-widget img').count()).toBe(0);

    await page.getByRole('button', { name: 'Talk to a human' }).click();
    await page.getByText('Waiting for an agent…').waitFor();
    const customer = await stores.customers.findByVisitorToken(
      (await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('parley.visitorToken'))?.[1])) as string,
    );
    const conv = await stores.conversations.findOpen(customer?.id as string);
    await dialogue.claim(conv?.id as string, ann);
    await page.getByText('You are chatting with Ann').waitFor();
    await dialogue.agentMessage({ conversationId: conv?.id as string, agent: ann, clientMessageId: 'b1', text: 'Hi, Ann here. How can I help?' });
    await bubble(page, 'Hi, Ann here. How can I help?').waitFor();
    await dialogue.close(conv?.id as string, ann);
    await page.getByText('How was this conversation?').waitFor();

    // Reload: the history and the pending survey come back.
    await page.reload();
    await page.getByRole('button', { name: /Open chat/ }).click();
    await bubble(page, 'Shipping takes 3-5 business days.').waitFor();
    await bubble(page, 'Hi, Ann here. How can I help?').waitFor();
    await page.getByRole('button', { name: '5 of 5 stars: Excellent' }).click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thanks for your feedback!').waitFor();
    expect((await stores.conversations.get(conv?.id as string))?.csat?.score).toBe(5);

    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'widget.png') });
    await page.keyboard.press('Escape');
    // Focus returns to the launcher (inside the widget's shadow host) after the panel re-renders closed.
    await page.waitForFunction(() => document.activeElement?.id === 'parley-widget', undefined, { timeout: 5000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('parley-widget');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('exposes window.Parley: open(), on("message") and the host page cannot restyle the widget', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    await page.waitForFunction(() => typeof (window as unknown as { Parley?: { open?: unknown } }).Parley?.open === 'function');
    await page.addStyleTag({ content: 'button, li, p { display: none !important; color: red !important; }' });
    await page.evaluate(() => {
      const w = window as unknown as { Parley: { open(): void; on(e: string, fn: (m: { text: string }) => void): void }; got: string[] };
      w.got = [];
      w.Parley.on('message', (m) => w.got.push(m.text));
      w.Parley.open();
    });
    await send(page, 'hello');
    await page.waitForFunction(() => (window as unknown as { got: string[] }).got.length > 0);
    expect(await page.evaluate(() => (window as unknown as { got: string[] }).got)).toEqual(['Hello! How can I help you today?']);
    expect(await bubble(page, 'Hello! How can I help you today?').isVisible()).toBe(true);

    // Offline: the banner shows, what is typed waits in the outbox and goes out when the network is back.
    await page.context().setOffline(true);
    await page.getByText(/Connection lost/).waitFor();
    await send(page, 'thanks');
    await page.getByText('Waiting for connection…').waitFor();
    await page.context().setOffline(false);
    await bubble(page, "You're welcome!").waitFor();
    expect(await page.getByText('Waiting for connection…').count()).toBe(0);
    await page.close();
  }, 60_000);
});
