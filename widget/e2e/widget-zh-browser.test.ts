import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createFieldCipher, type DialogueApi, type Stores } from '../../core/index.js';
import { createDialogue } from '../../bot/index.js';
import { demoUnderstandingZh } from '../../bot/test-support/demo-understanding-zh.js';
import { openEmbeddedStores } from '../../stores/index.js';
import { buildWidgetBundle, demoPageHtml } from '../index.js';
import { startWidgetServer, type WidgetTestServer } from '../test-support/socket-harness.js';
import { artifactsDir as artifacts, describeWithChromium as d, launchChromium } from '../../test/support/chromium.js';

/** The Chinese demo page against the Chinese demo bot (real NLU and FAQ, as DEMO_LANGUAGE=zh ships them). */
let dir: string;
let stores: Stores;
let dialogue: DialogueApi;
let server: WidgetTestServer;
let browser: Browser;
let closeUnderstanding: (() => Promise<void> | void) | undefined;

d('widget in Chinese in Chromium (/zh/ demo page)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-widget-zh-'));
    stores = await openEmbeddedStores({ dataDir: dir, cipher: createFieldCipher('widget-test-key-widget-test-key-1234') });
    const u = await demoUnderstandingZh(stores, dir);
    closeUnderstanding = u.close;
    dialogue = createDialogue({ stores, nlu: u.nlu, knowledge: u.knowledge, policy: { escalateAfterFallbacks: 3, escalateNegativeStreak: 0 } });
    const { code } = await buildWidgetBundle();
    const pages: Record<string, string> = { '/zh/': demoPageHtml({ language: 'zh' }), '/en/': demoPageHtml({ language: 'en' }) };
    server = await startWidgetServer({ dialogue, stores, limits: { messagesPerSocket: null, messagesPerIp: null } }, (req, res) => {
      if (req.url === '/widget.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code);
      else if (req.url && pages[req.url]) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[req.url]);
      else if (!req.url?.startsWith('/socket.io')) res.writeHead(404).end();
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dialogue?.drain();
    await closeUnderstanding?.();
    await stores?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const bubble = (page: Page, text: string) => page.locator('li.msg .text', { hasText: text }).first();
  const botCount = (page: Page) => page.locator('li.msg.bot').count();
  /** Sends one message and waits for the bot's answer to it; returns that answer. */
  async function ask(page: Page, text: string): Promise<string> {
    const before = await botCount(page);
    await page.getByLabel('输入消息').fill(text);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('#parley-widget')!.shadowRoot!.querySelectorAll('li.msg.bot').length > n, before);
    return (await page.locator('li.msg.bot .text').last().textContent()) ?? '';
  }

  it('speaks Chinese on the Chinese page (data-parley-locale wins over an English browser), answers bad input and is screenshot', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1100, height: 820 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url + '/zh/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('button', { name: '打开聊天' }).click();
    await page.getByRole('dialog', { name: '在线客服' }).waitFor();
    expect(await page.locator('#parley-widget').getAttribute('lang')).toBe('zh-CN');
    await page.getByText('有问题尽管问我们').waitFor();

    expect(await ask(page, '你好')).toContain('Parley 智能客服');
    expect(await ask(page, '发货后多久能到？')).toContain('2-4 个工作日');
    // Traditional characters reach the simplified FAQ.
    expect(await ask(page, '請問怎麼退貨？')).toContain('30 天内');
    // Mixed Chinese and English, with an emoji: understood as an order question (the form asks for the number).
    expect(await ask(page, '我的order还没到😡')).toContain('订单号');
    // Full-width letters and digits are read as the order number; on their own they get a Chinese answer.
    expect(await ask(page, 'ＡＢＣ１２３４５')).toContain('ABC12345');
    expect(await ask(page, 'ＡＢＣ１２３')).toMatch(/[\u4e00-\u9fff]/);
    // Punctuation only and a 4,000-character message: the bot answers in Chinese, the text renders whole.
    expect(await ask(page, '？？？！！！')).toMatch(/[\u4e00-\u9fff]/);
    const long = '我想问一下关于退货的问题'.repeat(400).slice(0, 4000);
    expect(await ask(page, long)).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('li.msg.customer .text').last().evaluate((el) => [...(el.textContent ?? '')].length)).toBe(4000);
    await page.locator('li.msg.customer').last().evaluate((el) => el.remove()); // keep the screenshot readable
    await page.screenshot({ path: join(artifacts, 'widget-zh-chat.png') });

    await page.getByRole('button', { name: '转人工客服' }).click();
    await bubble(page, '正在为您转接人工客服…').waitFor();
    await page.getByText('正在等待人工客服…').waitFor();
    const token = (await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('parley.visitorToken'))?.[1])) as string;
    const customer = await stores.customers.findByVisitorToken(token);
    const conv = await stores.conversations.findOpen(customer?.id as string);
    const agent = { id: 'agent-wang', name: '小王' };
    await dialogue.claim(conv?.id as string, agent);
    await bubble(page, '小王 已加入对话').waitFor();
    await page.getByText('小王 正在为您服务').waitFor();
    await dialogue.agentMessage({ conversationId: conv?.id as string, agent, clientMessageId: 'w1', text: '您好，我是小王，请问有什么可以帮您？' });
    await bubble(page, '我是小王').waitFor();
    await dialogue.close(conv?.id as string, agent);
    await bubble(page, '对话已结束').waitFor();
    await page.getByText('您对本次服务满意吗？').waitFor();
    await page.getByRole('button', { name: '5 星（共 5 星）：非常满意' }).click();
    await page.getByPlaceholder('还有什么想说的吗？（选填）').fill('很快就解决了👍');
    await page.screenshot({ path: join(artifacts, 'widget-zh-csat.png') });
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByText('感谢您的反馈！').waitFor();
    expect((await stores.conversations.get(conv?.id as string))?.csat).toMatchObject({ score: 5, comment: '很快就解决了👍' });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('follows a Chinese browser on a page without data-parley-locale, and an English one stays English', async () => {
    for (const [locale, label] of [['zh-CN', '打开聊天'], ['en-US', 'Open chat']] as const) {
      const page = await browser.newPage({ locale, viewport: { width: 1100, height: 820 } });
      await page.goto(server.url + '/en/');
      await page.getByRole('button', { name: label }).click();
      await page.getByRole('dialog').waitFor();
      if (locale === 'en-US') {
        await page.getByText('Ask us anything').waitFor();
        await page.screenshot({ path: join(artifacts, 'widget-en-open.png') });
      } else {
        await page.getByText('有问题尽管问我们').waitFor();
      }
      await page.close();
    }
  }, 60_000);
});
