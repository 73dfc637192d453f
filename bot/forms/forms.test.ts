import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Message } from '../../core/index.js';
import { MAX_TEXT_CODE_POINTS } from '../../core/index.js';
import { openEmbeddedStores as openStores } from '../../stores/index.js';
import { openHarness, type Harness } from '../test-support/harness.js';
import { keywordUnderstander } from '../test-support/keyword-understanding.js';

/** Forms through the real dialogue manager and embedded store, with bad input a customer can send. */
let h: Harness;
beforeEach(async () => {
  h = await openHarness({
    openStores,
    nlu: keywordUnderstander([
      { name: 'feedback', phrases: ['feedback'] },
      { name: 'return_item', phrases: ['return'] },
      { name: 'order_status', phrases: ['where is my order'] },
      { name: 'human', phrases: ['human'] },
    ]),
  });
  await h.stores.intents.putEntity({ name: 'ref', type: 'regex', pattern: 'REF:\\S+' });
  await h.stores.intents.putEntity({ name: 'reason', type: 'enum', options: [{ value: 'damaged', synonyms: ['broken', 'cracked'] }, { value: 'wrong size', synonyms: ['too small'] }] });
  await h.stores.intents.putIntent({
    name: 'feedback',
    utterances: ['feedback'],
    slots: [{ name: 'ref', entity: 'ref', prompt: 'Your reference?' }, { name: 'email', entity: 'email', required: false }],
    answer: 'Noted {{ref}} (reply to: {{email}}).',
  });
  await h.stores.intents.putIntent({
    name: 'return_item',
    utterances: ['return'],
    slots: [{ name: 'order', entity: 'order_id', prompt: 'Which order?' }, { name: 'reason', entity: 'reason', prompt: 'What is wrong with it?' }],
    answer: 'Return of {{order}} started ({{reason}}).',
  });
});
afterEach(async () => {
  await h.close();
});

async function say(customerId: string, text: string): Promise<string[]> {
  const out: Message[] = await (await h.dialogue.handle(h.inbound(customerId, text))).processed;
  return out.map((m) => m.text);
}

describe('form values as the customer gave them', () => {
  it('never evaluates template syntax inside a value and keeps HTML as text', async () => {
    const c = await h.newCustomer();
    expect(await say(c, 'feedback')).toEqual(['Your reference?']);
    expect(await say(c, 'REF:{{customer.email}}<b>x</b>')).toEqual(['Noted REF:{{customer.email}}<b>x</b> (reply to:).']);
  });

  it('keeps a 4,000-character value and shortens it only to fit the reply limit', async () => {
    const c = await h.newCustomer();
    await say(c, 'feedback');
    const value = `REF:${'x'.repeat(MAX_TEXT_CODE_POINTS - 4)}`;
    const [reply] = await say(c, value);
    expect([...reply!].length).toBeLessThanOrEqual(MAX_TEXT_CODE_POINTS);
    expect(reply).toMatch(/^Noted REF:x{100,}…/);
    const conv = await h.stores.conversations.findOpen(c);
    expect(conv?.dialogue?.topic).toMatchObject({ kind: 'intent', id: 'feedback' });
  });

  it('reads an enum synonym as its option, and asks again with the options as examples', async () => {
    const c = await h.newCustomer();
    expect(await say(c, 'I want to return A12345')).toEqual(['What is wrong with it?']);
    expect(await say(c, 'it is just bad')).toEqual(["Sorry, that doesn't look like a reason (for example damaged, wrong size). What is wrong with it?"]);
    expect(await say(c, 'it arrived broken')).toEqual(['Return of A12345 started (damaged).']);
  });

  it('uses the shop order-id format when one is defined', async () => {
    await h.stores.intents.putEntity({ name: 'order_id', type: 'regex', pattern: 'SH\\d{6}', flags: 'i' });
    const c = await h.newCustomer();
    expect(await say(c, 'return')).toEqual(['Which order?']);
    expect((await say(c, '12345'))[0]).toMatch(/^Sorry, that doesn't look like an order/);
    expect(await say(c, 'sh123456')).toEqual(['What is wrong with it?']);
  });
});

describe('state and broken forms', () => {
  it('keeps the open form on the conversation (no side key-value entry) and clears it when done', async () => {
    const c = await h.newCustomer();
    await say(c, 'return');
    const open = await h.stores.conversations.findOpen(c);
    expect(open?.dialogue?.form).toMatchObject({ intent: 'return_item', values: {}, pending: { kind: 'slot', slot: 'order', attempts: 0 } });
    expect(await h.stores.kv.keys('bot.pending-slot')).toEqual([]);
    await say(c, 'A12345');
    expect((await h.stores.conversations.findOpen(c))?.dialogue?.form?.values).toEqual({ order: { text: 'A12345', value: 'A12345' } });
    await say(c, 'too small');
    expect((await h.stores.conversations.findOpen(c))?.dialogue?.form).toBeNull();
  });

  it('offers a human when a form names an entity that was deleted, before or during the form', async () => {
    const c = await h.newCustomer();
    await say(c, 'return');
    await h.stores.intents.deleteEntity('reason');
    const r = await h.dialogue.handle(h.inbound(c, 'A12345'));
    const [offer] = await r.processed;
    expect(offer).toMatchObject({ text: "I can't take your return item request here right now. Would you like to talk to a human?", suggestions: [{ label: 'Talk to a human', text: 'talk to a human' }] });
    expect((await h.stores.conversations.findOpen(c))?.dialogue?.form ?? null).toBeNull();
    const other = await h.newCustomer();
    expect(await say(other, 'return')).toEqual(["I can't take your return item request here right now. Would you like to talk to a human?"]);
    expect(await say(other, 'human')).toEqual(['Connecting you to an agent…']);
  });
});
