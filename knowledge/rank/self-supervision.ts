import type { Embedder, VectorIndex } from '../../core/index.js';
import type { LexicalHit, LexicalIndex } from '../lexical/lexical-index.js';
import type { IndexedEntry, RetrievalMode } from '../retrieval-types.js';
import { tokenize } from '../text/analyzer.js';
import type { ProbeRow } from './calibration.js';
import { buildCandidates, entryHits, vectorKey, type VectorEntryHit } from './candidates.js';
import { chooseVectorWeight } from './fusion-weight.js';

/** Probed entries per fit: enough for a 4-7 feature logistic model, cheap at any FAQ size. */
export const MAX_PROBED_ENTRIES = 300;

interface Probe {
  entry: IndexedEntry;
  query: string;
  /** Index view of the entry while the probe runs (the probe text removed). */
  partial: IndexedEntry;
  /** Vector key hidden during the probe. */
  hiddenKey: string | null;
  /** Also run the query with the whole entry hidden (a label-0 row). */
  leaveOneOut: boolean;
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
 * - a leave-question-out probe: about 60% of the question's words, with the
 *   question itself hidden (an alternate stands in, if any). The entry must be
 *   found through its other phrasings and its answer, as a real customer's
 *   wording is not the FAQ's: this is the probe that produces realistic
 *   confusions between neighbouring entries (the half-question probe is right
 *   ~95% of the time, so on its own the threshold landed far too high).
 * Only each probe's top hit becomes a row: calibration predicts "the top hit is right".
 */
/** The parts of the retriever the probes use. */
export interface ProbeTarget {
  readonly entries: ReadonlyMap<string, IndexedEntry>;
  readonly lexical: LexicalIndex;
  readonly embedder: Embedder | null;
  readonly vectors: VectorIndex | null;
}

/** What the probes yield: calibration rows, and (hybrid) the vector weight chosen on them. */
export interface ProbeResult {
  rows: ProbeRow[];
  vectorWeight: number;
}

interface ProbeLists {
  probe: Probe;
  lexPos: LexicalHit[];
  lexNeg: LexicalHit[];
  vecPos: VectorEntryHit[] | null;
  vecNeg: VectorEntryHit[] | null;
}

export async function collectProbes(r: ProbeTarget, mode: RetrievalMode): Promise<ProbeResult> {
  if (r.entries.size < 3) return { rows: [], vectorWeight: 1 };
  const probes = sample([...r.entries.keys()], MAX_PROBED_ENTRIES).flatMap((id) => {
    const e = r.entries.get(id)!;
    return [paraphraseProbe(e), leaveQuestionOutProbe(e)];
  });
  const hybrid = mode === 'hybrid' && r.embedder && r.vectors;
  const qvs = hybrid ? await r.embedder!.embed(probes.map((p) => p.query)) : [];
  const runs: ProbeLists[] = [];
  for (let n = 0; n < probes.length; n++) {
    // Yield now and then: a big FAQ must not hold the event loop for the whole fit.
    if (n % 20 === 19) await new Promise((res) => setImmediate(res));
    const probe = probes[n]!;
    const { entry: e, query, partial, hiddenKey, leaveOneOut } = probe;
    if (r.entries.get(e.id) !== e) continue; // edited meanwhile
    // Hide, search, restore in one synchronous block: no concurrent search sees the edited index.
    r.lexical.upsert(partial);
    const lexPos = r.lexical.search(query, 20);
    r.lexical.upsert(e);
    const lexNeg = leaveOneOut ? r.lexical.search(query, 20, new Set([e.id])) : [];
    let vecPos: VectorEntryHit[] | null = null;
    let vecNeg: VectorEntryHit[] | null = null;
    if (hybrid) {
      const prefix = `${e.id}\u001f`;
      vecPos = entryHits(r.vectors!.search(qvs[n]!, 40, (k) => k !== hiddenKey));
      vecNeg = leaveOneOut ? entryHits(r.vectors!.search(qvs[n]!, 40, (k) => !k.startsWith(prefix))) : [];
    }
    runs.push({ probe, lexPos, lexNeg, vecPos, vecNeg });
  }
  // The fusion weight first (it decides which entry tops each probe), then the calibration rows under it.
  const vectorWeight = hybrid
    ? chooseVectorWeight(runs.map((x) => ({ target: x.probe.entry.id, lexical: x.lexPos.map((h) => h.id), vector: (x.vecPos ?? []).map((h) => h.id) })))
    : 1;
  const rows: ProbeRow[] = [];
  for (const { probe, lexPos, lexNeg, vecPos, vecNeg } of runs) {
    const pos = buildCandidates(lexPos, vecPos, 1, vectorWeight)[0];
    if (pos) rows.push({ x: pos.features, y: pos.id === probe.entry.id ? 1 : 0, capped: pos.noOverlap === true });
    const neg = probe.leaveOneOut ? buildCandidates(lexNeg, vecNeg, 1, vectorWeight)[0] : undefined;
    if (neg) rows.push({ x: neg.features, y: 0, capped: neg.noOverlap === true });
  }
  return { rows, vectorWeight };
}

function paraphraseProbe(e: IndexedEntry): Probe {
  if (e.alternates.length > 0) {
    const i = hash(e.id) % e.alternates.length;
    const partial = { ...e, alternates: e.alternates.filter((_, j) => j !== i) };
    return { entry: e, query: e.alternates[i]!, partial, hiddenKey: vectorKey(e.id, `a${i}`), leaveOneOut: true };
  }
  return { entry: e, query: keepWords(e.question, hash(e.id), 0.5), partial: e, hiddenKey: null, leaveOneOut: true };
}

function leaveQuestionOutProbe(e: IndexedEntry): Probe {
  const partial = { ...e, question: e.alternates[0] ?? '', alternates: e.alternates.slice(1) };
  return { entry: e, query: keepWords(e.question, hash(`${e.id}\u001fq`), 0.6), partial, hiddenKey: vectorKey(e.id, 'q'), leaveOneOut: false };
}

/** About `share` of the words, chosen deterministically from `seed` (at least one). */
function keepWords(text: string, seed: number, share: number): string {
  const words = tokenize(text);
  const kept = words.filter(() => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32 < share;
  });
  return (kept.length > 0 ? kept : words.slice(0, 1)).join(' ');
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
