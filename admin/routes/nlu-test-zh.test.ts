import { afterEach, beforeEach, expect, it } from '@jest/globals';
import request from 'supertest';
import { demoFaqsZh } from '../../knowledge/index.js';
import { demoIntentsZh } from '../../nlu/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';

let h: AdminHarness;
let admin: { auth: string };
beforeEach(async () => {
  h = await openAdminHarness();
  admin = await h.staff('admin');
});
afterEach(async () => h.close());

it("the Test page previews a Chinese message with the bot's Chinese sentences (fallback, form prompts)", async () => {
  await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ rows: demoFaqsZh }).expect(200);
  for (const intent of demoIntentsZh) await h.stores.intents.putIntent(intent);
  await h.nlu.train({ regressionMargin: 0.02 });

  const unknown = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: '量子纠缠的猫会游泳吗', dialogue: null });
  expect(unknown.body.decision).toBe('fallback');
  expect(unknown.body.reply).toMatch(/^抱歉/);
  expect(unknown.body.turn.replies[0].text).toMatch(/^抱歉/);

  const form = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: '我想改送货时间', dialogue: null });
  expect(form.body.turn.replies[0].text).toBe('要改哪个订单的送货时间？请告诉我订单号。');
  const cancelled = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: '算了', dialogue: form.body.turn.dialogue });
  expect(cancelled.body.turn.replies[0].text).toBe('好的，已为您取消这个请求。');

  const english = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: 'qwzx vbnm plok', dialogue: null });
  expect(english.body.turn.replies[0].text).toMatch(/^Sorry/);
});
