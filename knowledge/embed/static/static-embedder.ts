import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ParleyError, type Embedder, type EmbedderInfo } from '../../../core/index.js';
import { decodeTable, type StaticTable } from './static-table.js';
import { UnigramTokenizer } from './unigram-tokenizer.js';

/** The value of EMBEDDING_MODEL that selects the distilled table, and its file under MODELS_DIR. */
export const STATIC_MODEL_NAME = 'static';
export const STATIC_TABLE_FILE = join('static', 'use-lite-en.pse');
/** Reserved pieces of the USE-lite vocabulary (unknown, <s>, </s>, three extra ids). */
export const RESERVED_PIECES = 6;

export function staticTablePath(modelsDir: string): string {
  return join(modelsDir, STATIC_TABLE_FILE);
}

export function findStaticTable(modelsDir: string): string | null {
  const path = staticTablePath(modelsDir);
  return existsSync(path) ? path : null;
}

/**
 * The Embedder port over a static table: a text is the SIF-weighted mean of its pieces' vectors, unit length.
 * Microseconds per text on the calling thread, so no worker. A text with no known piece gets a zero vector
 * (cosine 0 to everything) rather than a made-up direction.
 */
export class StaticEmbedder implements Embedder {
  private readonly tokenizer: UnigramTokenizer;
  private closed = false;

  constructor(
    private readonly table: StaticTable,
    /** Names this table's content: vectors persisted with another table are rebuilt, not mixed. */
    private readonly version: string,
  ) {
    this.tokenizer = new UnigramTokenizer(table.pieces, table.scores, RESERVED_PIECES);
  }

  static async open(path: string): Promise<StaticEmbedder> {
    const buf = await readFile(path);
    return new StaticEmbedder(decodeTable(buf), createHash('sha256').update(buf).digest('hex').slice(0, 12));
  }

  info(): EmbedderInfo {
    return { model: `${STATIC_MODEL_NAME}-${this.version}`, dimensions: this.table.dimensions };
  }

  source(): string {
    return this.table.source;
  }

  embedOne(text: string): Float32Array {
    const dims = this.table.dimensions;
    const out = new Float32Array(dims);
    for (const id of this.tokenizer.encode(text.slice(0, 4000))) {
      const w = this.table.weights[id]!;
      if (w === 0) continue;
      const base = id * dims;
      for (let d = 0; d < dims; d++) out[d]! += w * this.table.vectors[base + d]!;
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += out[d]! * out[d]!;
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let d = 0; d < dims; d++) out[d]! *= inv;
    }
    return out;
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    if (this.closed) return Promise.reject(new ParleyError('ERR_UNAVAILABLE', { reason: 'embedder closed' }));
    return Promise.resolve(texts.map((t) => this.embedOne(t)));
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
