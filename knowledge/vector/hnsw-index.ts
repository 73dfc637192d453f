import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { VectorHit, VectorIndex, VectorItem } from '../../core/index.js';
import { startWorker } from '../embed/worker-url.js';

const M = 16;
const EF_CONSTRUCTION = 100;
/** Search breadth; not saved in the file, so it is set on every (re)load. */
export const EF_SEARCH = 128;
const INITIAL_CAPACITY = 1024;

export type { VectorItem };

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

/**
 * The VectorIndex port on hnswlib-node (cosine space) with string ids mapped
 * to numeric labels. Deleted slots are reused (allowReplaceDeleted), capacity
 * doubles before it is full, and bulk builds run in a worker and swap in atomically.
 */
export class HnswVectorIndex implements VectorIndex {
  protected index: Hnsw;
  protected labels = new Map<string, number>();
  protected keys = new Map<number, string>();
  protected hashes = new Map<string, string>();
  protected nextLabel = 0;
  /** Set by the owner; `save()` of the persistent subclass records it. */
  revision = 0;
  protected ef = EF_SEARCH;

  constructor(readonly dimensions: number) {
    this.index = HnswVectorIndex.empty(dimensions, INITIAL_CAPACITY);
  }

  private static empty(dim: number, capacity: number): Hnsw {
    const index = new hnswlib.HierarchicalNSW('cosine', dim);
    index.initIndex({ maxElements: capacity, m: M, efConstruction: EF_CONSTRUCTION, randomSeed: 100, allowReplaceDeleted: true });
    index.setEf(EF_SEARCH);
    return index;
  }

  /** Search breadth (hnswlib's efSearch): more = better recall, slower. For the benchmark's sweep. */
  setSearchBreadth(ef: number): void {
    this.ef = ef;
    this.index.setEf(ef);
  }

  size(): number {
    return this.labels.size;
  }

  has(id: string): boolean {
    return this.labels.has(id);
  }

  hashOf(id: string): string | undefined {
    return this.hashes.get(id);
  }

  ids(): string[] {
    return [...this.labels.keys()];
  }

  vectorOf(id: string): Float32Array | null {
    const label = this.labels.get(id);
    return label === undefined ? null : Float32Array.from(this.index.getPoint(label));
  }

  async upsert(items: VectorItem[]): Promise<void> {
    await this.remove(items.filter((i) => this.labels.has(i.id)).map((i) => i.id));
    const needed = this.index.getCurrentCount() + items.length;
    if (needed > this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    }
    for (const item of items) {
      const label = this.nextLabel++;
      // replaceDeleted: reuse a markDeleted slot when there is one, so edits do not grow the file.
      this.index.addPoint(Array.from(item.vector), label, true);
      this.labels.set(item.id, label);
      this.keys.set(label, item.id);
      if (item.hash) this.hashes.set(item.id, item.hash);
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      const label = this.labels.get(id);
      if (label === undefined) continue;
      this.index.markDelete(label);
      this.labels.delete(id);
      this.keys.delete(label);
      this.hashes.delete(id);
    }
  }

  search(vector: Float32Array, k: number, accept?: (id: string) => boolean): VectorHit[] {
    const n = Math.min(k, this.labels.size);
    if (n <= 0) return [];
    const filter = accept ? (label: number) => { const id = this.keys.get(label); return id !== undefined && accept(id); } : undefined;
    const res = this.index.searchKnn(Array.from(vector), n, filter);
    return res.neighbors.map((label, i) => ({ id: this.keys.get(label) ?? '', similarity: 1 - (res.distances[i] ?? 1) }));
  }

  /** Replaces the whole content: built in a worker thread, then swapped in one step. */
  async rebuild(items: VectorItem[], tmpPath = join(tmpdir(), `parley-hnsw-${process.pid}-${Date.now()}.tmp`)): Promise<void> {
    const dim = this.dimensions;
    const labels = new Uint32Array(items.length);
    const vectors = new Float32Array(items.length * dim);
    items.forEach((it, i) => {
      labels[i] = i;
      vectors.set(it.vector, i * dim);
    });
    const maxElements = Math.max(INITIAL_CAPACITY, Math.ceil(items.length * 1.5));
    const worker = startWorker(new URL('./build-worker.mjs', import.meta.url), { path: tmpPath, dim, maxElements, labels, vectors, m: M, efConstruction: EF_CONSTRUCTION });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`index build worker exited with ${code}`))));
    });
    const next = new hnswlib.HierarchicalNSW('cosine', dim);
    await next.readIndex(tmpPath, true);
    await rm(tmpPath, { force: true });
    next.setEf(this.ef);
    // Swap: searches see either the old or the new index, never a half-built one.
    this.index = next;
    this.labels = new Map(items.map((it, i) => [it.id, i]));
    this.keys = new Map(items.map((it, i) => [i, it.id]));
    this.hashes = new Map(items.flatMap((it) => (it.hash ? [[it.id, it.hash] as [string, string]] : [])));
    this.nextLabel = items.length;
  }

  async save(): Promise<void> {
    // In-memory only; PersistentHnswIndex writes files.
  }
}
