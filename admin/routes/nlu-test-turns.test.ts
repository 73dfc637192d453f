import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { demoIntents } from '../../nlu/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';

let h: AdminHarness;
let admin: { auth: string };
beforeEach(async () => {
  h = await openAdminHarness();
  admin = await h.staff('admin');
});
afterEach(async () => h.close());

describe('POST /api/nlu/test with a dialogue (the Test page running a form)', () => {
  it('plays a form turn by turn on the state the page carries, storing no conversation', async () => {
    for (const intent of demoIntents) await h.stores.intents.putIntent(intent);
    await h.nlu.train({ regressionMargin: 0.02 });
    const play = async (text: string, dialogue: unknown) => {
      const res = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text, dialogue });
      expect(res.status).toBe(200);
      return res.body.turn as { decision: string; replies: { text: string }[]; dialogue: { form: { pending: { kind: string } } | null } | null };
    };
    const first = await play('change my delivery date', null);
    expect(first.replies.map((r) => r.text)).toEqual(['Which order should we deliver on another day? Your order number, please.']);
    const second = await play('A12345', first.dialogue);
    expect(second.replies.map((r) => r.text)).toEqual(['Which day suits you for the delivery?']);
    const third = await play('tomorrow', second.dialogue);
    const fourth = await play('ann@example.com', third.dialogue);
    expect(fourth.dialogue?.form?.pending.kind).toBe('confirm');
    const done = await play('yes', fourth.dialogue);
    expect(done.replies.map((r) => r.text)).toEqual(['Thanks — new delivery day for order A12345: tomorrow. We will confirm it by email to ann@example.com.']);
    expect(done.dialogue?.form ?? null).toBeNull();
    expect((await h.stores.conversations.list()).items).toEqual([]);
    const bad = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: 'hi', dialogue: { form: 'x' } });
    expect(bad.body.error.code).toBe('ERR_VALIDATION');
  });
});
