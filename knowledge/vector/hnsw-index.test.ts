import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { rng, unitVectors } from '../cli/synthetic.js';
import { HnswVectorIndex } from './hnsw-index.js';
import { PersistentHnswIndex } from './persistent-hnsw-index.js';

const DIM = 8;
const vecs = unitVectors(1500, DIM, rng(3));
const item = (i: number) => ({ id: `v${i}`, vector: vecs.slice(i * DIM, (i + 1) * DIM) });

describe('HnswVectorIndex', () => {
  it('grows past its initial capacity and finds each vector as its own nearest neighbour', async () => {
    const ix = new HnswVectorIndex(DIM);
    await ix.upsert(Array.from({ length: 1500 }, (_, i) => item(i)));
    expect(ix.size()).toBe(1500);
    for (const i of [0, 777, 1499]) expect(ix.search(item(i).vector, 1)[0]).toMatchObject({ id: `v${i}` });
    expect(ix.search(item(5).vector, 1)[0]?.similarity).toBeCloseTo(1, 4);
  });

  it('removes vectors (markDelete), replaces on upsert, filters, and never asks for more than it has', async () => {
    const ix = new HnswVectorIndex(DIM);
    await ix.upsert([item(0), item(1), item(2)]);
    await ix.remove(['v1']);
    expect(ix.search(item(1).vector, 10).map((h) => h.id)).not.toContain('v1');
    expect(ix.search(item(1).vector, 10)).toHaveLength(2);
    await ix.upsert([{ id: 'v0', vector: item(2).vector }]);
    expect(ix.size()).toBe(2);
    expect(ix.search(item(2).vector, 2).every((h) => h.similarity > 0.99)).toBe(true);
    expect(ix.search(item(2).vector, 5, (id) => id !== 'v2').map((h) => h.id)).toEqual(['v0']);
    await ix.remove(['v0', 'v2']);
    expect(ix.search(item(2).vector, 5)).toEqual([]);
  });

  it('rebuilds in a worker thread and swaps the content in', async () => {
    const ix = new HnswVectorIndex(DIM);
    await ix.upsert([item(0)]);
    await ix.rebuild(Array.from({ length: 200 }, (_, i) => item(i + 100)));
    expect(ix.has('v0')).toBe(false);
    expect(ix.size()).toBe(200);
    expect(ix.search(item(150).vector, 1)[0]?.id).toBe('v150');
  });

  it('persists with checksum and revision; a foreign model or garbage is not loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-hnsw-'));
    const a = (await PersistentHnswIndex.open(dir, 'x', 'm1', DIM)).index;
    await a.upsert([item(1), item(2)]);
    a.revision = 7;
    await a.save();
    const b = await PersistentHnswIndex.open(dir, 'x', 'm1', DIM);
    expect(b.state).toBe('loaded');
    expect(b.index.revision).toBe(7);
    expect(b.index.search(item(2).vector, 1)[0]?.id).toBe('v2');
    expect((await PersistentHnswIndex.open(dir, 'x', 'm2', DIM)).state).toBe('incompatible');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(b.index.indexPath, 'garbage');
    expect((await PersistentHnswIndex.open(dir, 'x', 'm1', DIM)).state).toBe('corrupt');
  });
});
