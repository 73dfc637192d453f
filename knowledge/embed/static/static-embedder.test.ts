import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createKnowledgeService, demoFaqs, resolveEmbeddingModel, type KnowledgeService } from '../../index.js';
import { MemoryKnowledgeStore } from '../../test-support/memory-knowledge-store.js';
import { distil } from './distil.js';
import { RESERVED_PIECES, StaticEmbedder, staticTablePath } from './static-embedder.js';
import { decodeTable, encodeTable } from './static-table.js';
import { UnigramTokenizer } from './unigram-tokenizer.js';

const SEP = '\u2581';
const reserved = Array.from({ length: RESERVED_PIECES }, (_, i) => `<r${i}>`);
// A tiny vocabulary: whole words, a prefix and suffixes, and letters so any word segments.
const words = ['the', 'order', 'cancel', 'refund', 'money', 'back', 'ship', 'delivery', 'track', 'parcel'];
const pieces = [...reserved, ...words.map((w) => SEP + w), SEP + 'un', 'ing', 'ed', 's', ...'abcdefghijklmnopqrstuvwxyz'];
const scores = pieces.map((p, i) => (i < RESERVED_PIECES ? 0 : p === SEP + 'the' ? -2 : p.length === 1 ? -10 : -6));

/** Generated "encoder" vectors: refund/money/back share a direction, ship/delivery/track/parcel another. */
function encoderVectors(dims: number): (Float32Array | null)[] {
  const topic = (p: string) => (/refund|money|back|cancel/.test(p) ? 0 : /ship|delivery|track|parcel|order/.test(p) ? 1 : 2);
  return pieces.map((p, i) => {
    if (i < RESERVED_PIECES) return null;
    const v = new Float32Array(dims);
    v[topic(p)] = 1;
    for (let d = 3; d < dims; d++) v[d] = Math.sin(i * 7.1 + d * 1.3) * 0.2;
    return v;
  });
}

const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('static embedding table', () => {
  const table = distil({ source: 'test', pieces, scores, vectors: encoderVectors(12), dimensions: 6 });

  it('segments like a unigram tokenizer: whole words first, pieces for the rest', () => {
    const tok = new UnigramTokenizer(pieces, scores, RESERVED_PIECES);
    expect(tok.encode('the refund').map((id) => pieces[id])).toEqual([SEP + 'the', SEP + 'refund']);
    expect(tok.encode('tracking').map((id) => pieces[id])).toEqual([SEP + 'track', 'ing']);
    expect(tok.encode('  ')).toEqual([]);
  });

  it('reduces dimensions, weights frequent pieces down and survives a file round trip', () => {
    expect(table.dimensions).toBe(6);
    const the = pieces.indexOf(SEP + 'the');
    const refund = pieces.indexOf(SEP + 'refund');
    expect(table.weights[the]).toBeLessThan(table.weights[refund]!);
    expect(table.weights[0]).toBe(0);
    const back = decodeTable(encodeTable(table));
    expect(back.pieces).toEqual(pieces);
    for (let i = 0; i < table.vectors.length; i++) expect(Math.abs(back.vectors[i]! - table.vectors[i]!)).toBeLessThan(0.02);
    expect(() => decodeTable(encodeTable(table).subarray(0, 100))).toThrow(expect.objectContaining({ code: 'ERR_MODEL_LOAD' }));
  });

  it('embeds a text as a unit vector near texts on the same topic', async () => {
    const e = new StaticEmbedder(table, 'test');
    const [a, b, c, none] = await e.embed(['refund my money', 'money back', 'track the parcel delivery', '%%%']);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 5);
    expect(cos(a!, b!)).toBeGreaterThan(cos(a!, c!));
    expect([...none!].every((x) => x === 0)).toBe(true);
    expect(e.info()).toEqual({ model: 'static-test', dimensions: 6 });
    await e.close();
    await expect(e.embed(['x'])).rejects.toThrow();
  });

  describe('as the knowledge service embedder', () => {
    const modelsDir = mkdtempSync(join(tmpdir(), 'parley-static-'));
    const services: KnowledgeService[] = [];
    afterAll(async () => Promise.all(services.map((s) => s.close())));

    it('is chosen as the fallback when the configured model is missing, and runs hybrid retrieval', async () => {
      expect(resolveEmbeddingModel(modelsDir, 'Xenova/all-MiniLM-L6-v2', 'static')).toBe('Xenova/all-MiniLM-L6-v2');
      const path = staticTablePath(modelsDir);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, encodeTable(table));
      expect(resolveEmbeddingModel(modelsDir, 'Xenova/all-MiniLM-L6-v2', 'static')).toBe('static');
      expect(resolveEmbeddingModel(modelsDir, 'Xenova/all-MiniLM-L6-v2', 'none')).toBe('Xenova/all-MiniLM-L6-v2');
      const store = new MemoryKnowledgeStore();
      for (const f of demoFaqs) await store.create({ id: f.id, question: f.question, answer: f.answer, alternates: f.alternates ?? [], tags: f.tags ?? [] });
      const svc = await createKnowledgeService({ store, dataDir: mkdtempSync(join(tmpdir(), 'parley-static-data-')), modelsDir, embeddingModel: 'static' });
      services.push(svc);
      await svc.ready();
      expect(svc.info()).toMatchObject({ mode: 'hybrid', model: expect.stringMatching(/^static-[0-9a-f]{12}$/) });
      expect((await svc.search('How long does shipping take?')).hits[0]?.faqId).toBe('shipping-times');
    });

    it('falls back to lexical mode when the table is missing', async () => {
      const svc = await createKnowledgeService({ store: new MemoryKnowledgeStore(), dataDir: mkdtempSync(join(tmpdir(), 'parley-static-data-')), modelsDir: join(modelsDir, 'none'), embeddingModel: 'static' });
      services.push(svc);
      expect(svc.info().mode).toBe('lexical');
    });
  });
});
