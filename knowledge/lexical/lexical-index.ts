import MiniSearch, { type SearchResult } from 'minisearch';
import type { FaqEntry } from '../../core/index.js';
import { MAX_QUERY_TERMS, processTerm, tokenize } from '../text/analyzer.js';

export type MatchedField = 'question' | 'alternate' | 'answer';

export interface LexicalHit {
  id: string;
  score: number;
  matched: MatchedField;
  /** Share of the query's distinct terms found anywhere in the entry (0-1). */
  coverage: number;
  /** Share of the query's distinct terms found in the question or an alternate (0-1). */
  questionCoverage: number;
}

interface Doc {
  id: string;
  question: string;
  alternates: string;
  answer: string;
}

/** Questions and alternates are phrased like customer questions; the answer only supports. */
const BOOST = { question: 2, alternates: 2, answer: 1 };

function toDoc(e: Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>): Doc {
  return { id: e.id, question: e.question, alternates: e.alternates.join('\n'), answer: e.answer };
}

/** Keeps the raw tokens of the first MAX_QUERY_TERMS distinct index terms. */
export function queryTerms(text: string): { raw: string[]; terms: string[] } {
  const raw: string[] = [];
  const terms: string[] = [];
  for (const tok of tokenize(text)) {
    const term = processTerm(tok);
    if (!term || terms.includes(term)) continue;
    raw.push(tok);
    terms.push(term);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return { raw, terms };
}

/**
 * minisearch (BM25+) over question, alternates and answer with NLP.js English
 * normalisation. Edits are incremental: discard + add, no rebuild.
 */
export class LexicalIndex {
  private ms = LexicalIndex.create();

  private static create(): MiniSearch<Doc> {
    return new MiniSearch<Doc>({
      fields: ['question', 'alternates', 'answer'],
      storeFields: [],
      tokenize,
      processTerm,
      autoVacuum: { minDirtCount: 50, minDirtFactor: 0.1, batchSize: 500, batchWait: 10 },
    });
  }

  get size(): number {
    return this.ms.documentCount;
  }

  has(id: string): boolean {
    return this.ms.has(id);
  }

  addAll(entries: FaqEntry[]): void {
    this.ms.addAll(entries.map(toDoc));
  }

  upsert(entry: Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>): void {
    if (this.ms.has(entry.id)) this.ms.discard(entry.id);
    this.ms.add(toDoc(entry));
  }

  remove(id: string): void {
    if (this.ms.has(id)) this.ms.discard(id);
  }

  clear(): void {
    this.ms = LexicalIndex.create();
  }

  search(text: string, limit = 20, exclude?: ReadonlySet<string>): LexicalHit[] {
    const { raw, terms } = queryTerms(text);
    if (terms.length === 0) return [];
    const results = this.ms.search(raw.join(' '), {
      boost: BOOST,
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      weights: { fuzzy: 0.3, prefix: 0.5 },
      combineWith: 'OR',
      ...(exclude && exclude.size > 0 ? { filter: (r: SearchResult) => !exclude.has(String(r.id)) } : {}),
    });
    return results.slice(0, limit).map((r) => describe(r, terms.length));
  }
}

function describe(r: SearchResult, queryTermCount: number): LexicalHit {
  const perField: Record<string, number> = { question: 0, alternates: 0, answer: 0 };
  let inQuestion = 0;
  const matchedTerms = Object.keys(r.match);
  for (const term of matchedTerms) {
    const fields = r.match[term] ?? [];
    for (const f of fields) perField[f] = (perField[f] ?? 0) + 1;
    if (fields.includes('question') || fields.includes('alternates')) inQuestion += 1;
  }
  const q = perField.question ?? 0;
  const a = perField.alternates ?? 0;
  const matched: MatchedField = q >= a && q > 0 ? 'question' : a > 0 ? 'alternate' : 'answer';
  // queryTerms can exceed the distinct query terms when fuzzy/prefix expand one term.
  const covered = Math.min(new Set(r.queryTerms).size, queryTermCount);
  return {
    id: String(r.id),
    score: r.score,
    matched,
    coverage: covered / queryTermCount,
    questionCoverage: Math.min(inQuestion, queryTermCount) / queryTermCount,
  };
}
