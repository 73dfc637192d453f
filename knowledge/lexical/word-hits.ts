import type { SearchResult } from 'minisearch';
import type { LexicalHit, MatchedField } from './lexical-hit.js';

/** Plain BM25 sums: minisearch's score divided by the number of query terms matched (see WordIndex). In place. */
export function bm25Sums(results: SearchResult[]): SearchResult[] {
  for (const r of results) r.score /= Math.max(1, r.queryTerms.length);
  return results;
}

/** Adds a second search's results (other query terms) into the first, by entry. */
export function addResults(into: SearchResult[], more: SearchResult[]): void {
  const byId = new Map(into.map((r) => [r.id, r]));
  for (const m of more) {
    const r = byId.get(m.id);
    if (!r) {
      into.push(m);
      continue;
    }
    r.score += m.score;
    r.queryTerms = [...new Set([...r.queryTerms, ...m.queryTerms])];
    for (const [term, fields] of Object.entries(m.match)) r.match[term] = [...new Set([...(r.match[term] ?? []), ...fields])];
  }
}

/** The best `limit` results, best first. A selection, not a sort: at 10k entries a query can match thousands. */
export function topResults(results: SearchResult[], limit: number): SearchResult[] {
  const top: SearchResult[] = [];
  for (const r of results) {
    if (top.length === limit && r.score <= top[limit - 1]!.score) continue;
    let i = top.length;
    while (i > 0 && top[i - 1]!.score < r.score) i--;
    top.splice(i, 0, r);
    if (top.length > limit) top.pop();
  }
  return top;
}

export function describe(r: SearchResult, counted: ReadonlySet<string>): LexicalHit {
  const perField: Record<string, number> = { question: 0, alternates: 0, answer: 0 };
  const anywhere = new Set<string>();
  const inQuestion = new Set<string>();
  // match: index term -> fields; queryTerms: the query terms behind those matches (fuzzy maps back).
  for (const fields of Object.values(r.match)) for (const f of fields) perField[f] = (perField[f] ?? 0) + 1;
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
