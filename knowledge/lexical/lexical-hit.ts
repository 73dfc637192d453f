export type MatchedField = 'question' | 'alternate' | 'answer';

export interface LexicalHit {
  id: string;
  score: number;
  matched: MatchedField;
  /** Share of the query's distinct content terms found anywhere in the entry (0-1). */
  coverage: number;
  /** Share of the query's distinct content terms found in the question or an alternate (0-1). */
  questionCoverage: number;
  /** Character n-gram cosine of the entry's closest question/alternate, or half its answer lead's (0-1). */
  charSim: number;
}
