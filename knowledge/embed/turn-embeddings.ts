import type { Embedder, EmbedderInfo } from '../../core/index.js';
import { Lru } from '../../core/index.js';

/**
 * One embedding per customer text, shared by everyone who asks for it: in hybrid mode a turn's NLU semantic
 * member and FAQ retrieval both embed the message; the second asker gets the first one's result (or its
 * promise while the worker computes it). Only single-text calls (queries) are remembered; bulk index builds
 * pass straight through so they do not flush the queries out. A failed embedding is not remembered.
 */
export class TurnEmbeddings implements Embedder {
  private readonly recent = new Lru<string, Promise<Float32Array>>(1000);

  constructor(private readonly inner: Embedder) {}

  info(): EmbedderInfo {
    return this.inner.info();
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length !== 1) return this.inner.embed(texts);
    const text = texts[0]!;
    let p = this.recent.get(text);
    if (!p) {
      p = this.inner.embed([text]).then((v) => v[0]!);
      this.recent.set(text, p);
      const mine = p;
      mine.catch(() => {
        if (this.recent.get(text) === mine) this.recent.delete(text);
      });
    }
    return p.then((v) => [v]);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
