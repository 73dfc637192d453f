import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createKnowledgeService, demoFaqs, type KnowledgeService } from './index.js';
import { MemoryKnowledgeStore } from './test-support/memory-knowledge-store.js';
import { recordingLogger, TINY_MODEL, tinyModelDir } from './test-support/tiny-service.js';

// The real transformers.js path (worker thread, pipeline, mean pooling) on a tiny generated model.
const modelsDir = tinyModelDir(['gift', 'cards', 'voucher', 'student', 'discounts']);
const dataDir = mkdtempSync(join(tmpdir(), 'parley-knowledge-hybrid-'));
const store = new MemoryKnowledgeStore();
const services: KnowledgeService[] = [];

async function start() {
  const { logger, lines } = recordingLogger();
  const svc = await createKnowledgeService({ store, dataDir, modelsDir, embeddingModel: TINY_MODEL, logger });
  services.push(svc);
  await svc.ready();
  return { svc, lines };
}
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  // Workers stay up (unref'd): onnxruntime-node cannot be loaded again in this process once
  // a worker that loaded it was terminated, and jest runs several test files per process.
});

describe('knowledge service (hybrid mode, tiny model)', () => {
  let first: KnowledgeService;

  it('builds vectors in the background and reports hybrid with the model name', async () => {
    for (const f of demoFaqs) await store.create({ id: f.id, question: f.question, answer: f.answer, alternates: f.alternates ?? [], tags: f.tags ?? [] });
    const { svc, lines } = await start();
    first = svc;
    expect(svc.info()).toMatchObject({ mode: 'hybrid', model: TINY_MODEL, entries: demoFaqs.length });
    expect(lines.find((l) => /vector index ready/.test(l.msg))?.obj).toMatchObject({ rebuilt: true });
    const res = await svc.search('How long does shipping take?');
    expect(res.mode).toBe('hybrid');
    expect(res.hits[0]?.faqId).toBe('shipping-times');
  });

  it('removes vectors on delete and indexes new entries', async () => {
    const e = await first.create({ question: 'Do you sell gift cards?', answer: 'Yes.', alternates: ['voucher'] });
    expect((await first.search('gift cards voucher')).hits[0]?.faqId).toBe(e.id);
    await first.remove(e.id);
    expect((await first.search('gift cards voucher')).hits.map((h) => h.faqId)).not.toContain(e.id);
    await first.close();
  });

  it('reloads the persisted index on restart without re-embedding', async () => {
    const meta = JSON.parse(readFileSync(join(dataDir, 'indexes', 'faq-vectors.meta.json'), 'utf8')) as { revision: number; entries: unknown[] };
    expect(meta.revision).toBe(await store.revision());
    const { svc, lines } = await start();
    expect(lines.find((l) => /vector index ready/.test(l.msg))?.obj).toMatchObject({ embedded: 0, rebuilt: false });
    expect(svc.info().mode).toBe('hybrid');
    await svc.close();
  });

  it('catches up with store edits made while it was down', async () => {
    await store.create({ id: 'late', question: 'Do you offer student discounts?', answer: 'Ten percent.', alternates: [], tags: [] });
    const { svc, lines } = await start();
    expect(lines.find((l) => /vector index ready/.test(l.msg))?.obj).toMatchObject({ embedded: 2, rebuilt: false });
    expect((await svc.search('student discounts')).hits[0]?.faqId).toBe('late');
    await svc.close();
  });

  it('rebuilds a corrupt index file from the store and logs it', async () => {
    const file = join(dataDir, 'indexes', 'faq-vectors.hnsw');
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const { svc, lines } = await start();
    expect(lines.some((l) => l.level === 'error' && /corrupt/.test(l.msg))).toBe(true);
    expect(lines.find((l) => /vector index ready/.test(l.msg))?.obj).toMatchObject({ rebuilt: true });
    expect((await svc.search('How long does shipping take?')).hits[0]?.faqId).toBe('shipping-times');
    await svc.close();
  });
});
