import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { demoFaqs } from '../../knowledge/index.js';
import { demoIntents } from '../../nlu/index.js';
import { openAdminHarness, type AdminHarness } from '../test-support/harness.js';
import { IMPORT_MAX_ROWS } from './faq-routes.js';

let h: AdminHarness;
let admin: { auth: string };
beforeEach(async () => {
  h = await openAdminHarness();
  admin = await h.staff('admin');
});
afterEach(async () => h.close());

const xss = '<img src=x onerror=alert(1)> see https://example.com/help';

describe('/api/faqs', () => {
  it('creates, gets, updates, searches and deletes entries; the retriever follows; XSS text is stored verbatim', async () => {
    const created = await request(h.app)
      .post('/api/faqs')
      .set('Authorization', admin.auth)
      .send({ id: 'gift-wrap', question: 'Do you offer gift wrapping?', answer: xss, alternates: ['Can you wrap my present?'], tags: ['orders'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'gift-wrap', answer: xss, alternates: ['Can you wrap my present?'] });
    expect((await request(h.app).get('/api/faqs/gift-wrap').set('Authorization', admin.auth)).body.question).toBe('Do you offer gift wrapping?');
    expect((await h.knowledge.search('can you wrap my present')).hits[0]?.faqId).toBe('gift-wrap');

    const updated = await request(h.app)
      .put('/api/faqs/gift-wrap')
      .set('Authorization', admin.auth)
      .send({ question: 'Do you gift wrap orders?', answer: 'Yes, for 3 EUR.', alternates: ['Is gift wrapping available?'], tags: [] });
    expect(updated.status).toBe(200);
    expect(updated.body.answer).toBe('Yes, for 3 EUR.');

    const search = await request(h.app).get('/api/faqs?q=GIFT').set('Authorization', admin.auth);
    expect(search.body.items.map((f: { id: string }) => f.id)).toEqual(['gift-wrap']);
    expect((await request(h.app).get('/api/faqs?q=nothing-like-this').set('Authorization', admin.auth)).body).toEqual({ items: [], nextCursor: null });

    await request(h.app).delete('/api/faqs/gift-wrap').set('Authorization', admin.auth).expect(204);
    expect((await request(h.app).get('/api/faqs/gift-wrap').set('Authorization', admin.auth)).body.error.code).toBe('ERR_FAQ_NOT_FOUND');
    expect((await request(h.app).delete('/api/faqs/gift-wrap').set('Authorization', admin.auth)).status).toBe(404);
    const actions = (await h.stores.audit.list()).items.map((e) => e.action).sort();
    expect(actions).toEqual(['faq.create', 'faq.delete', 'faq.update']);
  });

  it('validates bodies strictly', async () => {
    const missing = await request(h.app).post('/api/faqs').set('Authorization', admin.auth).send({ question: 'Q?' });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'ERR_VALIDATION']);
    expect(missing.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('answer');
    const extra = await request(h.app).post('/api/faqs').set('Authorization', admin.auth).send({ question: 'Q?', answer: 'A', html: true });
    expect(extra.body.error.code).toBe('ERR_VALIDATION');
    await request(h.app).post('/api/faqs').set('Authorization', admin.auth).send({ id: 'a', question: 'Q?', answer: 'A' }).expect(201);
    const dup = await request(h.app).post('/api/faqs').set('Authorization', admin.auth).send({ id: 'a', question: 'Q?', answer: 'A' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'ERR_FAQ_DUPLICATE']);
    const otherId = await request(h.app).put('/api/faqs/a').set('Authorization', admin.auth).send({ id: 'b', question: 'Q?', answer: 'A' });
    expect(otherId.body.error.code).toBe('ERR_VALIDATION');
    expect((await request(h.app).put('/api/faqs/missing').set('Authorization', admin.auth).send({ question: 'Q?', answer: 'A' })).status).toBe(404);
  });

  it('imports JSON rows with a row-level error report, partial or all-or-nothing, and CSV; exports both ways', async () => {
    const rows = [
      { id: 'ok-1', question: 'First?', answer: 'One' },
      { id: 'bad', question: '' , answer: 'x' },
      { id: 'ok-2', question: 'Second?', answer: 'Two', tags: ['t'] },
    ];
    const strict = await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ rows });
    expect([strict.status, strict.body.error.code]).toEqual([400, 'ERR_FAQ_IMPORT_INVALID']);
    expect(strict.body.error.details.errors).toEqual([{ row: 2, issues: [expect.objectContaining({ path: 'question' })] }]);
    expect(await h.stores.knowledge.count()).toBe(0);

    const partial = await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ rows, partial: true });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ rows: 3, imported: 2, errors: [{ row: 2 }] });

    const csv = 'id,question,answer,alternates,tags\ncsv-1,"Do you ship, to Mars?",No.,Mars delivery?,space\n';
    const fromCsv = await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ csv });
    expect(fromCsv.body).toMatchObject({ imported: 1, errors: [] });
    expect((await h.stores.knowledge.get('csv-1'))?.question).toBe('Do you ship, to Mars?');

    const json = await request(h.app).get('/api/faqs/export').set('Authorization', admin.auth).expect(200);
    expect(json.body.items.map((f: { id: string }) => f.id).sort()).toEqual(['csv-1', 'ok-1', 'ok-2']);
    const csvOut = await request(h.app).get('/api/faqs/export?format=csv').set('Authorization', admin.auth).expect(200);
    expect(csvOut.headers['content-type']).toContain('text/csv');
    expect(csvOut.text).toContain('"Do you ship, to Mars?"');

    const both = await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ rows, csv });
    expect(both.body.error.code).toBe('ERR_VALIDATION');
    const imports = (await h.stores.audit.list({ action: 'faq.import' })).items;
    expect(imports.length).toBe(3);
  });

  it('refuses oversize imports with ERR_IMPORT_TOO_LARGE (rows and bytes)', async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ({ question: `Q${i}?`, answer: 'A' }));
    const tooMany = await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ rows });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([413, 'ERR_IMPORT_TOO_LARGE']);
    const huge = await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ csv: 'x'.repeat(3 * 1024 * 1024) });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'ERR_IMPORT_TOO_LARGE']);
    expect(await h.stores.knowledge.count()).toBe(0);
  });
});

describe('POST /api/nlu/test', () => {
  it('returns the full analysis, FAQ hits and the decision the bot would take', async () => {
    await request(h.app).post('/api/faqs/import').set('Authorization', admin.auth).send({ rows: demoFaqs }).expect(200);
    const faq = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: 'How much does shipping cost?' });
    expect(faq.status).toBe(200);
    expect(faq.body).toMatchObject({ decision: 'faq', faq: { decision: 'answer' } });
    expect(faq.body.faq.hits[0]).toMatchObject({ faqId: 'shipping-costs', calibrated: expect.any(Number) });
    expect(faq.body.reply).toBe(demoFaqs.find((f) => f.id === 'shipping-costs')?.answer);
    expect(faq.body.sentiment).toEqual(expect.objectContaining({ label: expect.any(String) }));
    expect(Array.isArray(faq.body.alternatives)).toBe(true);
    expect(Array.isArray(faq.body.entities)).toBe(true);

    for (const intent of demoIntents) await h.stores.intents.putIntent(intent);
    await h.nlu.train({ regressionMargin: 0.02 });
    const human = demoIntents.find((i) => i.escalate) ?? demoIntents[0]!;
    const analysed = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: human.utterances[0] });
    expect(analysed.body.intent?.name).toBe(human.name);
    expect(typeof analysed.body.intent.confidence).toBe('number');

    const gibberish = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: 'qwzx vbnm plok' });
    expect(['fallback', 'clarify']).toContain(gibberish.body.decision);
    const empty = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: '   ' });
    expect(empty.body.error.code).toBe('ERR_VALIDATION');
    const long = await request(h.app).post('/api/nlu/test').set('Authorization', admin.auth).send({ text: 'a'.repeat(4001) });
    expect(long.body.error.code).toBe('ERR_MESSAGE_TOO_LONG');
  });
});

describe('POST /api/nlu/test uses the production policy config', () => {
  it('escalates a first miss when ESCALATE_AFTER_FALLBACKS is 1, as the bot would', async () => {
    const strict = await openAdminHarness({ policy: { escalateAfterFallbacks: 1, escalateNegativeStreak: 3 } });
    try {
      const boss = await strict.staff('admin');
      const res = await request(strict.app).post('/api/nlu/test').set('Authorization', boss.auth).send({ text: 'qwzx vbnm plok' });
      expect(res.body.decision).toBe('escalate');
    } finally {
      await strict.close();
    }
  });
});
