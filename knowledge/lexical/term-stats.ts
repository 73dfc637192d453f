import { analyze } from '../text/analyzer.js';

/**
 * Document frequency of question/alternate terms, kept in step with the
 * index. Used to shorten verbose queries to their rarest words: a pasted
 * paragraph's common words cost a scan of nearly every posting list and add
 * almost nothing to BM25.
 */
export class TermStats {
  private df = new Map<string, number>();
  private termsOf = new Map<string, string[]>();

  set(id: string, text: string): void {
    this.delete(id);
    const terms = analyze(text).terms;
    this.termsOf.set(id, terms);
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  delete(id: string): void {
    const terms = this.termsOf.get(id);
    if (!terms) return;
    this.termsOf.delete(id);
    for (const t of terms) {
      const n = (this.df.get(t) ?? 1) - 1;
      if (n <= 0) this.df.delete(t);
      else this.df.set(t, n);
    }
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  /**
   * Inverse document frequency over `n` entries, scaled to 0-1: 1 for a term in
   * at most one entry (or none), log(2)/log(1+n) for a term in every entry.
   */
  weight(term: string, n: number): number {
    const df = this.df.get(term) ?? 0;
    if (df <= 1 || n <= 1) return 1;
    return Math.log(1 + n / df) / Math.log(1 + n);
  }

  /** Indices of the `keep` rarest indexed terms (then unknown ones), in query order. */
  rarest(terms: string[], keep: number): number[] {
    return terms
      .map((t, i) => ({ i, df: this.df.get(t) ?? Number.POSITIVE_INFINITY }))
      .sort((a, b) => a.df - b.df || a.i - b.i)
      .slice(0, keep)
      .map((x) => x.i)
      .sort((a, b) => a - b);
  }
}
