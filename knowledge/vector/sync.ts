import type { Embedder, VectorIndex, VectorItem } from '../../core/index.js';
import { vectorKey } from '../rank/candidates.js';
import { textHash } from './checksum.js';

/** Answers are long; their opening carries the topic and keeps embedding cheap. */
const ANSWER_CHARS = 1000;
const EMBED_CHUNK = 256;

export interface VectorText {
  id: string;
  text: string;
  hash: string;
}

/** One vector per question, per alternate and for the answer's opening. */
export function entryVectorTexts(e: { id: string; question: string; answer: string; alternates: string[] }): VectorText[] {
  const parts: [string, string][] = [['q', e.question], ...e.alternates.map((a, i): [string, string] => [`a${i}`, a]), ['ans', e.answer.slice(0, ANSWER_CHARS)]];
  return parts.filter(([, t]) => t.trim().length > 0).map(([part, text]) => ({ id: vectorKey(e.id, part), text, hash: textHash(text) }));
}

async function embedAll(embedder: Embedder, texts: VectorText[], onProgress?: (done: number) => void): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_CHUNK) {
    out.push(...(await embedder.embed(texts.slice(i, i + EMBED_CHUNK).map((t) => t.text))));
    onProgress?.(out.length);
  }
  return out;
}

/**
 * Makes the vector index hold exactly the entries' vectors. Unchanged texts
 * (same hash) keep their stored vector. Small differences are applied in
 * place; large ones (or an empty index) rebuild in a worker and swap.
 */
export async function syncVectors(
  vectors: VectorIndex,
  embedder: Embedder,
  entries: { id: string; question: string; answer: string; alternates: string[] }[],
  rebuildIfChangedShare: number,
): Promise<{ embedded: number; rebuilt: boolean }> {
  const desired = entries.flatMap(entryVectorTexts);
  const wanted = new Map(desired.map((d) => [d.id, d.hash]));
  const stale = vectors.ids().filter((id) => wanted.get(id) !== vectors.hashOf(id));
  const missing = desired.filter((d) => vectors.hashOf(d.id) !== d.hash);
  if (stale.length === 0 && missing.length === 0) return { embedded: 0, rebuilt: false };
  const rebuild = vectors.size() === 0 || stale.length + missing.length > rebuildIfChangedShare * Math.max(1, desired.length);
  const fresh = await embedAll(embedder, missing);
  const freshById = new Map(missing.map((m, i) => [m.id, fresh[i]!]));
  if (rebuild) {
    const items: VectorItem[] = desired.map((d) => ({ id: d.id, hash: d.hash, vector: freshById.get(d.id) ?? vectors.vectorOf(d.id)! }));
    await vectors.rebuild(items);
  } else {
    await vectors.remove(stale);
    await vectors.upsert(missing.map((m) => ({ id: m.id, hash: m.hash, vector: freshById.get(m.id)! })));
  }
  return { embedded: missing.length, rebuilt: rebuild };
}
