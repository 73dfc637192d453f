import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Embedder } from '../core/index.js';
import { createKnowledgeService, demoFaqs, type KnowledgeService, type VectorStack } from './index.js';
import { MemoryKnowledgeStore } from './test-support/memory-knowledge-store.js';
import { TINY_MODEL, tinyModelDir } from './test-support/tiny-service.js';
import { HnswVectorIndex } from './vector/hnsw-index.js';

const DIM = 64;
/** Test-only adapter of the core Embedder port: hashed bag of words, unit length. */
function hashingEmbedder(): Embedder & { calls: number } {
  const e = {
    calls: 0,
    async embed(texts: string[]) {
      e.calls++;
      return texts.map((t) => {
        const v = new Float32Array(DIM);
        for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) v[[...w].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % DIM]! += 1;
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
    info: () => ({ model: 'test/hashing-bow', dimensions: DIM }),
    close: async () => undefined,
  };
  return e;
}

const open: KnowledgeService[] = [];
afterEach(async () => Promise.all(open.splice(0).map((s) => s.close())));
async function serviceWith(vectorStack: VectorStack, modelsDir: string, embeddingModel: string) {
  const store = new MemoryKnowledgeStore();
  for (const f of demoFaqs) await store.create({ id: f.id, question: f.question, answer: f.answer, alternates: f.alternates ?? [], tags: f.tags ?? [] });
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-knowledge-stack-'));
  const svc = await createKnowledgeService({ store, dataDir, modelsDir, embeddingModel, vectorStack });
  open.push(svc);
  await svc.ready();
  return svc;
}

describe('knowledge service with a vector stack built by the composition', () => {
  it('retrieves through the given embedder and index (core ports), not ones it opens itself', async () => {
    const embedder = hashingEmbedder();
    const vectors = new HnswVectorIndex(DIM);
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-no-models-'));
    const svc = await serviceWith({ embedder, vectors, model: 'test/hashing-bow' }, join(dataDir, 'none'), 'Xenova/all-MiniLM-L6-v2');
    expect([svc.info().mode, svc.info().model, svc.embedder() === embedder]).toEqual(['hybrid', 'test/hashing-bow', true]);
    expect(vectors.size()).toBeGreaterThanOrEqual(demoFaqs.length);
    const before = embedder.calls;
    await svc.search(demoFaqs[0]!.question);
    expect(embedder.calls).toBeGreaterThan(before);
  });

  it('stays in lexical mode when the composition found no model, even with one on disk', async () => {
    const svc = await serviceWith({ embedder: null, vectors: null }, tinyModelDir(), TINY_MODEL);
    expect([svc.info().mode, svc.embedder()]).toEqual(['lexical', null]);
  });
});
