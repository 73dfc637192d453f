import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { fileChecksum } from './checksum.js';
import { HnswVectorIndex } from './hnsw-index.js';

const FORMAT = 1;

interface Meta {
  format: number;
  model: string;
  dimensions: number;
  /** Store revision the content corresponds to. */
  revision: number;
  checksum: string;
  nextLabel: number;
  entries: [id: string, label: number, hash: string][];
}

export type LoadState = 'loaded' | 'missing' | 'corrupt' | 'incompatible';

/**
 * HnswVectorIndex persisted as `<dir>/<name>.hnsw` + `<name>.meta.json`
 * (sha256 of the index file, the store revision it was built from, the model).
 * Files are written to temp names and renamed, meta last: a torn write shows
 * up as a checksum mismatch and the owner rebuilds from the store.
 */
export class PersistentHnswIndex extends HnswVectorIndex {
  private constructor(
    dimensions: number,
    readonly dir: string,
    readonly name: string,
    readonly model: string,
  ) {
    super(dimensions);
  }

  get indexPath(): string {
    return join(this.dir, `${this.name}.hnsw`);
  }

  get metaPath(): string {
    return join(this.dir, `${this.name}.meta.json`);
  }

  get tmpPath(): string {
    return join(this.dir, `${this.name}.build.tmp`);
  }

  static async open(dir: string, name: string, model: string, dimensions: number): Promise<{ index: PersistentHnswIndex; state: LoadState; detail?: string }> {
    await mkdir(dir, { recursive: true });
    const index = new PersistentHnswIndex(dimensions, dir, name, model);
    if (!existsSync(index.metaPath) && !existsSync(index.indexPath)) return { index, state: 'missing' };
    try {
      const meta = JSON.parse(await readFile(index.metaPath, 'utf8')) as Meta;
      if (meta.format !== FORMAT || meta.model !== model || meta.dimensions !== dimensions) {
        return { index, state: 'incompatible', detail: `built with ${meta.model}/${meta.dimensions}` };
      }
      const sum = await fileChecksum(index.indexPath);
      if (sum !== meta.checksum) return { index, state: 'corrupt', detail: 'checksum mismatch' };
      const hnsw = new hnswlib.HierarchicalNSW('cosine', dimensions);
      await hnsw.readIndex(index.indexPath, true);
      index.adopt(hnsw, meta);
      return { index, state: 'loaded' };
    } catch (err) {
      return { index, state: 'corrupt', detail: err instanceof Error ? err.message : String(err) };
    }
  }

  private adopt(hnsw: InstanceType<typeof hnswlib.HierarchicalNSW>, meta: Meta): void {
    hnsw.setEf(this.ef);
    this.index = hnsw;
    this.labels = new Map(meta.entries.map(([id, label]) => [id, label]));
    this.keys = new Map(meta.entries.map(([id, label]) => [label, id]));
    this.hashes = new Map(meta.entries.map(([id, , hash]) => [id, hash]));
    this.nextLabel = meta.nextLabel;
    this.revision = meta.revision;
  }

  rebuildAll(items: Parameters<HnswVectorIndex['rebuild']>[0]): Promise<void> {
    return this.rebuild(items, this.tmpPath);
  }

  override async save(): Promise<void> {
    const tmpIndex = `${this.indexPath}.tmp`;
    await this.index.writeIndex(tmpIndex);
    const meta: Meta = {
      format: FORMAT,
      model: this.model,
      dimensions: this.dimensions,
      revision: this.revision,
      checksum: await fileChecksum(tmpIndex),
      nextLabel: this.nextLabel,
      entries: [...this.labels].map(([id, label]) => [id, label, this.hashes.get(id) ?? '']),
    };
    await writeFile(`${this.metaPath}.tmp`, JSON.stringify(meta));
    await rename(tmpIndex, this.indexPath);
    await rename(`${this.metaPath}.tmp`, this.metaPath);
  }
}
