import type { VectorHit } from '../../core/index.js';
import type { LexicalHit, MatchedField } from '../lexical/lexical-index.js';
import { reciprocalRankFusion } from './fuse.js';

/** Vector keys are `<faqId>\u001f<q | a<i> | ans>`: one vector per question, alternate and answer. */
export const KEY_SEP = '\u001f';
export function vectorKey(faqId: string, part: string): string {
  return `${faqId}${KEY_SEP}${part}`;
}
export function faqIdOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf(KEY_SEP));
}
function fieldOfKey(key: string): MatchedField {
  const part = key.slice(key.lastIndexOf(KEY_SEP) + 1);
  return part === 'q' ? 'question' : part === 'ans' ? 'answer' : 'alternate';
}

export interface VectorEntryHit {
  id: string;
  similarity: number;
  matched: MatchedField;
}

/** Best vector per entry (an entry matches through its closest question/alternate/answer). */
export function entryHits(hits: VectorHit[]): VectorEntryHit[] {
  const best = new Map<string, VectorEntryHit>();
  for (const h of hits) {
    const id = faqIdOfKey(h.id);
    const cur = best.get(id);
    if (!cur || h.similarity > cur.similarity) best.set(id, { id, similarity: h.similarity, matched: fieldOfKey(h.id) });
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity);
}

export interface Candidate {
  id: string;
  score: number;
  matched: MatchedField;
  /** Calibration features, see FEATURES_LEXICAL / FEATURES_HYBRID. */
  features: number[];
  /** Lexical mode: the entry shares no content word with the query (see NO_OVERLAP_CAP). */
  noOverlap?: boolean;
  /** The query is one of this entry's own phrasings, and no other entry's (see KNOWN_PHRASING_P). */
  knownPhrasing?: boolean;
}

/** Character cosine of a query to a phrasing it equals up to case, accents and punctuation. */
const SAME_TEXT = 0.999;
/** The runner-up's closest phrasing must be clearly different (two entries sharing a phrasing is the admin's call to fix). */
const SAME_TEXT_MARGIN = 0.1;
const isKnownPhrasing = (features: number[]): boolean => (features[2] ?? 0) >= SAME_TEXT && (features[3] ?? 0) >= SAME_TEXT_MARGIN;

/**
 * Query-term coverage is not a feature any more: the half-question probes
 * cover every term by construction, so the fit trusted coverage, which barely
 * tells right from wrong top hits on real queries (the margin does).
 */
export const FEATURES_LEXICAL = ['lexRel', 'lexMargin', 'charSim', 'charMargin'] as const;
export const FEATURES_HYBRID = [...FEATURES_LEXICAL, 'cosine', 'cosineMargin', 'agree'] as const;

/**
 * Best value among the candidates ranked below `id` (all others when it is not
 * listed). For the top hit this is the runner-up: "does it stand out". For a
 * lower hit it is the rest of the tail, not the hits above it: "shipping cost
 * and time" has two good answers, and the second is a good suggestion even
 * though it is not better than the first.
 */
function bestOther<T extends { id: string }>(list: T[], id: string, value: (t: T) => number): number {
  const at = list.findIndex((t) => t.id === id);
  let best = Number.NEGATIVE_INFINITY;
  list.forEach((t, i) => {
    if (i > at && t.id !== id) best = Math.max(best, value(t));
  });
  return Number.isFinite(best) ? best : 0;
}

/**
 * Merges the lexical and (optional) vector lists into ranked candidates with
 * scale-free features: ratios and margins rather than raw BM25 scores, which
 * vary with corpus and query length.
 */
export function buildCandidates(lex: LexicalHit[], vec: VectorEntryHit[] | null, limit = 10, vectorWeight = 1): Candidate[] {
  const lexById = new Map(lex.map((h, i) => [h.id, { h, rank: i }]));
  const top = lex[0]?.score ?? 0;
  const lexFeatures = (id: string): number[] => {
    const l = lexById.get(id)?.h;
    if (!l || top <= 0) return [0, -1, 0, -1];
    // Character cosine is absolute (0-1): how close the query is to the entry's nearest phrasing, and to the runner-up's.
    const otherChar = bestOther(lex, id, (h) => h.charSim);
    return [l.score / top, (l.score - bestOther(lex, id, (h) => h.score)) / top, l.charSim, l.charSim - otherChar];
  };
  if (!vec) {
    return lex.slice(0, limit).map((h, i) => {
      const features = lexFeatures(h.id);
      return { id: h.id, score: h.score, matched: h.matched, features, noOverlap: h.coverage === 0, knownPhrasing: i === 0 && isKnownPhrasing(features) };
    });
  }
  const vecById = new Map(vec.map((h, i) => [h.id, { h, rank: i }]));
  const floor = vec[vec.length - 1]?.similarity ?? 0;
  const fused = reciprocalRankFusion([lex.map((h) => h.id), vec.map((h) => h.id)], [1, vectorWeight]);
  const ranked = [...fused.entries()].sort((a, b) => b[1] - a[1] || (lexById.get(b[0])?.h.score ?? 0) - (lexById.get(a[0])?.h.score ?? 0));
  return ranked.slice(0, limit).map(([id, score]) => {
    const l = lexById.get(id);
    const v = vecById.get(id);
    const cos = v?.h.similarity ?? floor;
    const matched = l && (!v || l.rank <= v.rank) ? l.h.matched : (v?.h.matched ?? 'question');
    const agree = lex[0]?.id === id && vec[0]?.id === id ? 1 : 0;
    const lexical = lexFeatures(id);
    return { id, score, matched, features: [...lexical, cos, cos - bestOther(vec, id, (h) => h.similarity), agree], knownPhrasing: agree === 1 && isKnownPhrasing(lexical) };
  });
}
