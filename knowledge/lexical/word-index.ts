import MiniSearch, { type SearchResult } from 'minisearch';
import type { FaqEntry } from '../../core/index.js';
import { analyze, MAX_QUERY_TERMS, processTerm, tokenize } from '../text/analyzer.js';
import type { LexicalHit } from './lexical-hit.js';
import { addResults, bm25Sums, describe, topResults } from './word-hits.js';
import { TermStats } from './term-stats.js';

type Entry = Pick<FaqEntry, 'id' | 'question' | 'alternates' | 'answer'>;
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
/**
 * Query terms whose entry-level weight is below this are not searched (unless
 * nothing else is left): they add at most 15% of a rare term's score but scan
 * the longest posting lists. At 10k entries that is a term in more than a
 * third of the entries; below about 100 entries no term is that common.
 */
const MIN_TERM_WEIGHT = 0.15;
/**
 * The answer field is searched with the query's rarest few terms only. Answer
 * postings are the longest (at 10k entries 60-75% of the search time) and
 * common words there add little; on CovidFAQ and the CLINC-derived FAQs R@1
 * and MRR moved by at most .001.
 */
const ANSWER_TERMS = 4;
/** A query with more unknown words than this is pasted text, not a typo. */
const MAX_FUZZY_TERMS = 3;

const toDoc = (e: Entry): Doc => ({ id: e.id, question: e.question, alternates: e.alternates.join('\n'), answer: e.answer });
const phrasings = (e: Entry): string => `${e.question}\n${e.alternates.join('\n')}`;

/**
 * Word-level BM25 (minisearch) over question, alternates and answer with
 * NLP.js English normalisation. Edits are incremental and exact: the old document is removed with
 * the text it was indexed with (minisearch's `discard` only removes postings lazily, when a later
 * search meets them, so until then every term of the old text kept its inflated document count and
 * the first search after an edit, or after the calibration probes, ranked differently from the next).
 *
 * Two departures from minisearch's defaults, both general:
 * - Each query term is weighted by its IDF over whole entries (question,
 *   alternates and answer), on top of minisearch's per-field IDF. A topic word
 *   that only one question happens to contain ("coronavirus" in a COVID FAQ,
 *   "order" in a shop FAQ) is rare in the question field, yet appears in most
 *   answers and says little about which entry is meant.
 * - minisearch multiplies a document's score by how many query terms it
 *   matched, stop words included ("what is a ..."); the plain BM25 sum is used
 *   instead, the IDF weights already reward covering the rare words.
 */
export class WordIndex {
  private ms = WordIndex.create();
  /** Document frequency over questions + alternates (to shorten pasted queries). */
  private stats = new TermStats();
  /** Document frequency over whole entries (query term weights). */
  private entryStats = new TermStats();
  /** What each entry was indexed with: `remove` needs the exact fields. */
  private docs = new Map<string, Doc>();

  private static create(): MiniSearch<Doc> {
    return new MiniSearch<Doc>({
      fields: ['question', 'alternates', 'answer'],
      storeFields: [],
      tokenize,
      processTerm,
    });
  }

  get size(): number {
    return this.ms.documentCount;
  }

  has(id: string): boolean {
    return this.ms.has(id);
  }

  addAll(entries: Entry[]): void {
    const docs = entries.map(toDoc);
    this.ms.addAll(docs);
    for (const d of docs) this.docs.set(d.id, d);
    for (const e of entries) this.setStats(e);
  }

  upsert(e: Entry): void {
    this.removeDoc(e.id);
    const doc = toDoc(e);
    this.ms.add(doc);
    this.docs.set(e.id, doc);
    this.setStats(e);
  }

  private removeDoc(id: string): void {
    const old = this.docs.get(id);
    if (!old) return;
    this.ms.remove(old);
    this.docs.delete(id);
  }

  private setStats(e: Entry): void {
    this.stats.set(e.id, phrasings(e));
    this.entryStats.set(e.id, `${phrasings(e)}\n${e.answer}`);
  }

  remove(id: string): void {
    this.removeDoc(id);
    this.stats.delete(id);
    this.entryStats.delete(id);
  }

  clear(): void {
    this.ms = WordIndex.create();
    this.stats = new TermStats();
    this.entryStats = new TermStats();
    this.docs.clear();
  }

  search(text: string, limit: number, exclude?: ReadonlySet<string>): LexicalHit[] {
    const analyzed = analyze(text, MAX_QUERY_TERMS);
    if (analyzed.terms.length === 0) return [];
    // Verbose queries (pasted paragraphs) keep their rarest words: same answer, a fraction of the cost.
    const keep = analyzed.terms.length > LONG_QUERY_TERMS ? this.stats.rarest(analyzed.terms, LONG_QUERY_TERMS) : null;
    const pick = <T>(xs: T[]): T[] => (keep ? keep.map((i) => xs[i]!) : xs);
    const [raw, terms, content] = [pick(analyzed.raw), pick(analyzed.terms), pick(analyzed.content)];
    // Coverage counts content words; with none ("what is it?"), all words count.
    const counted = new Set(content.some(Boolean) ? terms.filter((_, i) => content[i]) : terms);
    const n = this.size;
    const useful = raw.map((_, i) => i).filter((i) => this.entryStats.weight(terms[i]!, n) >= MIN_TERM_WEIGHT);
    const searched = useful.length > 0 ? useful : raw.map((_, i) => i);
    const base = {
      boost: BOOST,
      combineWith: 'OR' as const,
      // The query is already analysed: its terms are joined with spaces and must not be cut into words and bigrams again.
      tokenize: (q: string) => q.split(' '),
      boostTerm: (term: string) => this.entryStats.weight(term, n),
      ...(exclude && exclude.size > 0 ? { filter: (r: SearchResult) => !exclude.has(String(r.id)) } : {}),
    };
    const results = bm25Sums(this.ms.search(searched.map((i) => raw[i]).join(' '), { ...base, fields: ['question', 'alternates'] }));
    // The answer bridges vocabulary gaps, which the query's rarest words do: they alone search it (see ANSWER_TERMS).
    const rare = this.entryStats.rarest(searched.map((i) => terms[i]!), ANSWER_TERMS).map((j) => raw[searched[j]!]);
    addResults(results, bm25Sums(this.ms.search(rare.join(' '), { ...base, fields: ['answer'] })));
    // Fuzzy matching only for words no entry contains (typos like "symptons"), searched on their own and added:
    // fuzzy over every word costs 10x at 10k entries and matches noise.
    const unknown = raw.filter((_, i) => !this.entryStats.has(terms[i]!) && terms[i]!.length >= 5);
    if (unknown.length > 0 && unknown.length <= MAX_FUZZY_TERMS) {
      addResults(results, bm25Sums(this.ms.search(unknown.join(' '), { ...base, fuzzy: 0.2, maxFuzzy: 2, weights: { fuzzy: 0.3, prefix: 0.5 } })));
    }
    return topResults(results, limit).map((r) => describe(r, counted));
  }
}
