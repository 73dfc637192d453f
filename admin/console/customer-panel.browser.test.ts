import { expect, it } from '@jest/globals';
import { newToken } from '../../core/index.js';
import { useConsoleBrowser } from '../test-support/console-browser.js';
import { artifactsDir as artifacts, describeWithChromium as run } from '../../test/support/chromium.js';

run('agent customer panel in Chromium', () => {
  const ctx = useConsoleBrowser({}, { agentSocket: true });
  it('shows the latest orders, value, risk, segment and a next best offer that one click puts into the reply', async () => {
    const { h, browser, signIn } = ctx();
    const s = h.stores;
    await s.orders.upsertProducts(['t1', 't2', 't3', 'c1', 'c2', 'c3'].map((productId) => ({ productId, name: `${productId.startsWith('t') ? 'Tea' : 'Coffee'} ${productId.slice(1)}` })));
    // Tea drinkers and coffee drinkers, two purchase days each; Zoe bought tea once.
    const lines = [];
    for (let i = 0; i < 40; i++) {
      const k = i % 2 ? 't' : 'c';
      const c = (await s.customers.create({})).id;
      const day = (d: number) => `2026-0${1 + (d % 6)}-0${1 + (i % 9)}`;
      lines.push({ orderId: `a${i}`, customerId: c, date: day(i), productId: `${k}1`, amount: 4 }, { orderId: `a${i}`, customerId: c, date: day(i), productId: `${k}2`, amount: 4 });
      lines.push({ orderId: `b${i}`, customerId: c, date: day(i + 1), productId: `${k}3`, amount: 4 }, { orderId: `b${i}`, customerId: c, date: day(i + 1), productId: `${k}1`, amount: 4 });
    }
    const zoe = await s.customers.create({ visitorToken: newToken(), name: 'Zoe Client', email: 'zoe@example.com' });
    lines.push({ orderId: 'z1', customerId: zoe.id, date: '2026-06-20', productId: 't1', amount: 6 });
    await s.orders.upsertLines(lines, { status: 'delivered' });
    await s.orders.upsert({ orderId: 'z2', customerId: zoe.id, date: '2026-07-01T00:00:00.000Z', status: 'shipped', lines: [{ productId: 't1', amount: 6 }] });
    await h.crmModels.run({ asOf: new Date('2026-07-02') });
    // Two messages the untrained bot cannot answer: the conversation waits for an agent.
    let conversationId = '';
    for (const [n, text] of ['Qwzx plok vrim?', 'qwzx  PLOK vrim'].entries()) {
      const r = await h.dialogue.handle({ channel: 'widget', customerId: zoe.id, clientMessageId: `z${n}`, senderKey: `customer:${zoe.id}`, text });
      await r.processed;
      conversationId = r.conversationId;
    }

    const agent = await h.staff('agent', 'panel@example.com');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, agent.email, 'inbox');
    await page.locator(`li[data-id="${conversationId}"] button`).click();
    await page.getByRole('button', { name: 'Claim' }).click();
    const panel = page.getByLabel('Customer');
    await panel.getByLabel('Latest orders').waitFor();
    expect(await panel.getByLabel('Latest orders').textContent()).toMatch(/shipped.*delivered/);
    const offers = panel.getByLabel('Next best offers');
    await offers.waitFor();
    expect(await offers.textContent()).toMatch(/Tea [23] · bought together with Tea 1/);
    await offers.getByRole('button').first().click();
    expect(await page.getByRole('textbox', { name: 'Reply' }).inputValue()).toMatch(/^You might also like Tea [23]\.$/);
    await page.screenshot({ path: `${artifacts}customer-panel.png`, fullPage: true });
    await page.close();
  }, 120_000);
});
