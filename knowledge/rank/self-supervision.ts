import type { Embedder } from '../../core/index.js';
import type { LexicalIndex } from '../lexical/lexical-index.js';
import type { IndexedEntry, RetrievalMode } from '../retrieval-types.js';
import type { HnswVectorIndex } from '../vector/hnsw-index.js';
import { tokenize } from '../text/analyzer.js';
import { buildCandidates, entryHits, vectorKey, type VectorEntryHit } from './candidates.js';

/** Probed entries per fit: enough for a 4-7 feature logistic model, cheap at any FAQ size. */
export const MAX_PROBED_ENTRIES = 300;

interface Probe {
  entry: IndexedEntry;
  query: string;
  /** Index view of the entry while the probe runs (the probe text removed). */
  partial: IndexedEntry;
  /** Vector key hidden during the probe. */
  hiddenKey: string | null;
}

/**
 * Self-supervised calibration data from the FAQ itself (no queries, no labels,
 * no per-dataset tuning). For each sampled entry:
 * - a paraphrase probe: one alternate, hidden from the index, is the query;
 *   entries without alternates use a shortened question (about half its words
 *   dropped, deterministically), the terse way customers type. Label: the top
 *   hit is that entry.
 * - a leave-one-out probe: the same query with the whole entry hidden; label 0.
 *   A question near the FAQ's topics that the FAQ cannot answer.
 * Only each probe's top hit becomes a row: calibration predicts "the top hit is right".
 */
/** The parts of the retriever the probes use. */
export interface ProbeTarget {
  readonly entries: ReadonlyMap<string, IndexedEntry>;
  readonly lexical: LexicalIndex;
  readonly embedder: Embedder | null;
  readonly vectors: HnswVectorIndex | null;
}

export async function collectProbes(r: ProbeTarget, mode: RetrievalMode): Promise<{ x: number[]; y: number }[]> {
  if (r.entries.size < 3) return [];
  const probes = sample([...r.entries.keys()], MAX_PROBED_ENTRIES).map((id) => makeProbe(r.entries.get(id)!));
  const hybrid = mode === 'hybrid' && r.embedder && r.vectors;
  const qvs = hybrid ? await r.embedder!.embed(probes.map((p) => p.query)) : [];
  const rows: { x: number[]; y: number }[] = [];
  for (let n = 0; n < probes.length; n++) {
    // Yield now and then: a big FAQ must not hold the event loop for the whole fit.
    if (n % 20 === 19) await new Promise((res) => setImmediate(res));
    const { entry: e, query, partial, hiddenKey } = probes[n]!;
    if (r.entries.get(e.id) !== e) continue; // edited meanwhile
    // Hide, search, restore in one synchronous block: no concurrent search sees the edited index.
    r.lexical.upsert(partial);
    const lexPos = r.lexical.search(query, 20);
    r.lexical.upsert(e);
    const lexNeg = r.lexical.search(query, 20, new Set([e.id]));
    let vecPos: VectorEntryHit[] | null = null;
    let vecNeg: VectorEntryHit[] | null = null;
    if (hybrid) {
      const prefix = `${e.id}\u001f`;
      vecPos = entryHits(r.vectors!.search(qvs[n]!, 40, (k) => k !== hiddenKey));
      vecNeg = entryHits(r.vectors!.search(qvs[n]!, 40, (k) => !k.startsWith(prefix)));
    }
    const pos = buildCandidates(lexPos, vecPos, 1)[0];
    if (pos) rows.push({ x: pos.features, y: pos.id === e.id ? 1 : 0 });
    const neg = buildCandidates(lexNeg, vecNeg, 1)[0];
    if (neg) rows.push({ x: neg.features, y: 0 });
  }
  return rows;
}

function makeProbe(e: IndexedEntry): Probe {
  if (e.alternates.length > 0) {
    const i = hash(e.id) % e.alternates.length;
    return { entry: e, query: e.alternates[i]!, partial: { ...e, alternates: e.alternates.filter((_, j) => j !== i) }, hiddenKey: vectorKey(e.id, `a${i}`) };
  }
  const words = tokenize(e.question);
  let seed = hash(e.id);
  const kept = words.filter(() => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32 < 0.5;
  });
  const query = (kept.length > 0 ? kept : words.slice(0, 1)).join(' ');
  return { entry: e, query, partial: e, hiddenKey: null };
}

/** FNV-1a: deterministic choices, so two fits over the same FAQ agree. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function sample(ids: string[], max: number): string[] {
  if (ids.length <= max) return ids;
  return [...ids].sort((a, b) => hash(a) - hash(b)).slice(0, max);
}
