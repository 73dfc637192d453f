import { Router } from 'express';
import { z } from 'zod';
import { ParleyError, faqInputSchema, parseOrThrow, type FaqEntry, type KnowledgeStore } from '../../core/index.js';
import { staffOf } from '../auth/require-role.js';
import type { Auditor } from '../http/audit.js';
import { jsonBody } from '../../core/edge/index.js';
import { pageArray, pageOf, queryString } from '../http/paging.js';
import { parseCsv, toCsv } from '../../knowledge/index.js';
import type { AdminKnowledge } from '../services.js';

/** Import limits: the body parser refuses bigger bodies, and a row count cap bounds indexing work. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export const importSchema = z
  .strictObject({ rows: z.array(z.unknown()).optional(), csv: z.string().optional(), partial: z.boolean().default(false) })
  .refine((b) => (b.rows === undefined) !== (b.csv === undefined), { message: 'Send exactly one of rows or csv' });

function wire(e: FaqEntry) {
  return { id: e.id, question: e.question, answer: e.answer, alternates: e.alternates, tags: e.tags, createdAt: e.createdAt, updatedAt: e.updatedAt };
}

function matches(e: FaqEntry, q: string): boolean {
  const hay = [e.id, e.question, e.answer, ...e.alternates, ...e.tags].join('\n').toLowerCase();
  return q.split(/\s+/).every((w) => hay.includes(w));
}

/** /api/faqs (admin). Writes go through the knowledge service so its indexes follow; reads come from the store. */
export function faqRoutes(deps: { knowledgeStore: KnowledgeStore; knowledge: AdminKnowledge; audit: Auditor }): Router {
  const { knowledgeStore: store, knowledge, audit } = deps;
  const r = Router();

  r.get('/api/faqs', async (req, res) => {
    const q = queryString(req, 'q')?.trim().toLowerCase();
    const tag = queryString(req, 'tag');
    if (!q && !tag) {
      const page = await store.list(pageOf(req));
      return void res.json({ items: page.items.map(wire), nextCursor: page.nextCursor });
    }
    const all = (await store.all()).filter((e) => (!q || matches(e, q)) && (!tag || e.tags.includes(tag)));
    res.json(pageArray(all.map(wire), pageOf(req)));
  });

  r.get('/api/faqs/export', async (req, res) => {
    const all = await store.all();
    if (req.query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="faqs.csv"');
      return void res.send(toCsv(all));
    }
    res.setHeader('Content-Disposition', 'attachment; filename="faqs.json"');
    res.json({ items: all.map(({ id, question, answer, alternates, tags }) => ({ id, question, answer, alternates, tags })), nextCursor: null });
  });

  r.post('/api/faqs/import', jsonBody(IMPORT_MAX_BYTES, 'ERR_IMPORT_TOO_LARGE'), async (req, res) => {
    const body = parseOrThrow(importSchema, req.body);
    const rows = body.rows ?? parseCsv(body.csv ?? '');
    if (rows.length > IMPORT_MAX_ROWS) throw new ParleyError('ERR_IMPORT_TOO_LARGE', { rows: rows.length, maxRows: IMPORT_MAX_ROWS });
    const report = await knowledge.importFaqs(rows, { partial: body.partial });
    await audit(staffOf(res), 'faq.import', undefined, { rows: rows.length, partial: body.partial, imported: report.imported, errors: report.errors.length });
    if (!body.partial && report.errors.length > 0) {
      // All-or-nothing import refused: nothing was stored; the report names every bad row.
      throw new ParleyError('ERR_FAQ_IMPORT_INVALID', {
        errors: report.errors,
        issues: report.errors.flatMap((e) => e.issues.map((i) => ({ path: `rows.${e.row}.${i.path}`, message: i.message }))),
      });
    }
    res.json({ rows: rows.length, imported: report.imported, errors: report.errors });
  });

  r.post('/api/faqs', async (req, res) => {
    const input = parseOrThrow(faqInputSchema, req.body);
    const entry = await knowledge.create(input);
    await audit(staffOf(res), 'faq.create', entry.id, { question: entry.question });
    res.status(201).json(wire(entry));
  });

  r.get('/api/faqs/:id', async (req, res) => {
    const entry = await store.get(req.params.id);
    if (!entry) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id: req.params.id });
    res.json(wire(entry));
  });

  r.put('/api/faqs/:id', async (req, res) => {
    const input = parseOrThrow(faqInputSchema, req.body);
    if (input.id !== undefined && input.id !== req.params.id) {
      throw new ParleyError('ERR_VALIDATION', { issues: [{ path: 'id', message: 'must match the id in the URL' }] });
    }
    if (!(await store.get(req.params.id))) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id: req.params.id });
    const { id: _id, ...patch } = input;
    const entry = await knowledge.update(req.params.id, patch);
    await audit(staffOf(res), 'faq.update', entry.id, { question: entry.question });
    res.json(wire(entry));
  });

  r.delete('/api/faqs/:id', async (req, res) => {
    if (!(await store.get(req.params.id))) throw new ParleyError('ERR_FAQ_NOT_FOUND', { id: req.params.id });
    await knowledge.remove(req.params.id);
    await audit(staffOf(res), 'faq.delete', req.params.id);
    res.status(204).end();
  });
  return r;
}
