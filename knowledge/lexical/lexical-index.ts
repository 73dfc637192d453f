import MiniSearch, { type SearchResult } from 'minisearch';
import type { FaqEntry } from '../../core/index.js';
import { analyze, MAX_QUERY_TERMS, processTerm, tokenize } from '../text/analyzer.js';
import { CharNgramIndex } from './char-ngram-index.js';
import { TermStats } from './term-stats.js';

export type MatchedField = 'question' | 'alternate' | 'answer';

export interface LexicalHit {
  id: string;
  score: number;
  matched: MatchedField;
  /** Share of the query's distinct content terms found anywhere in the entry (0-1). */
  coverage: number;
  /** Share of the query's distinct content terms found in the question or an alternate (0-1). */
  questionCoverage: number;
  /** Character n-gram cosine of the entry's closest question/alternate (0-1). */
  charSim: number;
}

interface Doc {
  id: string;
  question: string;
  alternates: string;
  answer: string;
}

/**
 * Questions and alternates are phrased like customer questions; the answer
 * only bridges vocabulary gaps (on CovidFAQ any answer weight costs R@1, on
 * FAQs with terse questions it is the only place a word appears): one fifth.
 */
const BOOST = { question: 1, alternates: 1, answer: 0.2 };
/** Queries with more distinct terms than this are cut down to their rarest terms. */
const LONG_QUERY_TERMS = 16;
/** A query with more unknown words than this is pasted text, not a typo. */
const MAX_FUZZY_TERMS = 3;
/**
 * Word BM25 and character n-gram cosine are blended with equal weight, each
 * divided by its best score for the query (scale-free; no weight was tuned).
 */
const CHAR_WEIGHT = 0.5;
const SEP = '\u001f';

function toDoc(e: Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>): Doc {
  return { id: e.id, question: e.question, alternates: e.alternates.join('\n'), answer: e.answer };
}

/**
 * minisearch (BM25+) over question, alternates and answer with NLP.js English
 * normalisation. Edits are incremental: discard + add, no rebuild.
 */
export class LexicalIndex {
  private ms = LexicalIndex.create();
  private stats = new TermStats();
  private chars = new CharNgramIndex();
  private charKeys = new Map<string, number>();

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

  addAll(entries: Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>[]): void {
    this.ms.addAll(entries.map(toDoc));
    for (const e of entries) {
      this.stats.set(e.id, `${e.question}\n${e.alternates.join('\n')}`);
      this.setChars(e);
    }
  }

  /** Question and each alternate are separate texts: an entry matches through its closest phrasing. */
  private setChars(e: Pick<FaqEntry, 'id' | 'question' | 'alternates'>): void {
    this.removeChars(e.id);
    const texts = [e.question, ...e.alternates];
    this.charKeys.set(e.id, texts.length);
    texts.forEach((t, i) => this.chars.set(`${e.id}${SEP}${i}`, t));
  }

  private removeChars(id: string): void {
    const n = this.charKeys.get(id) ?? 0;
    for (let i = 0; i < n; i++) this.chars.delete(`${id}${SEP}${i}`);
    this.charKeys.delete(id);
  }

  upsert(entry: Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>): void {
    if (this.ms.has(entry.id)) this.ms.discard(entry.id);
    this.ms.add(toDoc(entry));
    this.stats.set(entry.id, `${entry.question}\n${entry.alternates.join('\n')}`);
    this.setChars(entry);
  }

  remove(id: string): void {
    if (this.ms.has(id)) this.ms.discard(id);
    this.stats.delete(id);
    this.removeChars(id);
  }

  clear(): void {
    this.ms = LexicalIndex.create();
    this.stats = new TermStats();
    this.chars = new CharNgramIndex();
    this.charKeys.clear();
  }

  search(text: string, limit = 20, exclude?: ReadonlySet<string>): LexicalHit[] {
    const analyzed = analyze(text, MAX_QUERY_TERMS);
    if (analyzed.terms.length === 0) return [];
    // Verbose queries (pasted paragraphs) keep their rarest words: same answer, a fraction of the cost.
    const keep = analyzed.terms.length > LONG_QUERY_TERMS ? this.stats.rarest(analyzed.terms, LONG_QUERY_TERMS) : null;
    const pick = <T>(xs: T[]): T[] => (keep ? keep.map((i) => xs[i]!) : xs);
    const [raw, terms, content] = [pick(analyzed.raw), pick(analyzed.terms), pick(analyzed.content)];
    // Coverage counts content words; with none ("what is it?"), all words count.
    const counted = new Set(content.some(Boolean) ? terms.filter((_, i) => content[i]) : terms);
    const query = raw.join(' ');
    const base = {
      boost: BOOST,
      combineWith: 'OR' as const,
      ...(exclude && exclude.size > 0 ? { filter: (r: SearchResult) => !exclude.has(String(r.id)) } : {}),
    };
    let results = this.ms.search(query, base);
    // Fuzzy matching only for words the index does not know (typos like "symptons"):
    // fuzzy over every word costs 10x at 10k entries and matches noise.
    const known = new Set(results.flatMap((r) => r.queryTerms));
    const unknown = new Set(terms.filter((t) => !known.has(t) && t.length >= 5));
    if (unknown.size > 0 && unknown.size <= MAX_FUZZY_TERMS) {
      results = this.ms.search(query, { ...base, fuzzy: (term) => (unknown.has(term) ? 0.2 : false), maxFuzzy: 2, weights: { fuzzy: 0.3, prefix: 0.5 } });
    }
    const words = results.slice(0, limit).map((r) => describe(r, counted));
    return this.blend(words, this.charSearch(text, exclude), limit);
  }

  /** Best character n-gram cosine per entry, with the text (0 = question, i = alternate i-1) it came from. */
  private charSearch(text: string, exclude?: ReadonlySet<string>): Map<string, { sim: number; part: number }> {
    const accept = exclude && exclude.size > 0 ? (k: string) => !exclude.has(k.slice(0, k.lastIndexOf(SEP))) : undefined;
    const best = new Map<string, { sim: number; part: number }>();
    for (const [key, sim] of this.chars.search(text, accept)) {
      const cut = key.lastIndexOf(SEP);
      const id = key.slice(0, cut);
      if (sim > (best.get(id)?.sim ?? 0)) best.set(id, { sim, part: Number(key.slice(cut + 1)) });
    }
    return best;
  }

  private blend(words: LexicalHit[], chars: Map<string, { sim: number; part: number }>, limit: number): LexicalHit[] {
    const topWord = words[0]?.score ?? 0;
    let topChar = 0;
    for (const c of chars.values()) topChar = Math.max(topChar, c.sim);
    const byId = new Map(words.map((h) => [h.id, h]));
    const charTop = [...chars].sort((a, b) => b[1].sim - a[1].sim).slice(0, limit);
    const ids = new Set([...words.map((h) => h.id), ...charTop.map(([id]) => id)]);
    const out = [...ids].map((id): LexicalHit => {
      const w = byId.get(id);
      const c = chars.get(id);
      const score = (1 - CHAR_WEIGHT) * (topWord > 0 ? (w?.score ?? 0) / topWord : 0) + CHAR_WEIGHT * (topChar > 0 ? (c?.sim ?? 0) / topChar : 0);
      // The word match names its field explicitly; an entry found only through n-grams matched a question or alternate.
      const matched: MatchedField = w ? w.matched : c && c.part > 0 ? 'alternate' : 'question';
      return { id, score, matched, coverage: w?.coverage ?? 0, questionCoverage: w?.questionCoverage ?? 0, charSim: c?.sim ?? 0 };
    });
    return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}

function describe(r: SearchResult, counted: ReadonlySet<string>): LexicalHit {
  const perField: Record<string, number> = { question: 0, alternates: 0, answer: 0 };
  const anywhere = new Set<string>();
  const inQuestion = new Set<string>();
  // match: index term -> fields; queryTerms: the query terms behind those matches (fuzzy maps back).
  const matchedTerms = Object.keys(r.match);
  matchedTerms.forEach((term) => {
    const fields = r.match[term] ?? [];
    for (const f of fields) perField[f] = (perField[f] ?? 0) + 1;
  });
  for (const qt of r.queryTerms) {
    if (!counted.has(qt)) continue;
    anywhere.add(qt);
    const fields = r.match[qt] ?? Object.values(r.match).flat();
    if (fields.includes('question') || fields.includes('alternates')) inQuestion.add(qt);
  }
  const q = perField.question ?? 0;
  const a = perField.alternates ?? 0;
  const matched: MatchedField = q >= a && q > 0 ? 'question' : a > 0 ? 'alternate' : 'answer';
  const n = Math.max(1, counted.size);
  return { id: String(r.id), score: r.score, matched, coverage: anywhere.size / n, questionCoverage: inQuestion.size / n, charSim: 0 };
}
