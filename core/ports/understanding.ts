import type { FaqSearchResult, NluAnalysis } from '../schemas/analysis.js';

/** What bot/ needs from nlu/: analyze one message (about a millisecond). */
export interface Understander {
  analyze(text: string): Promise<NluAnalysis>;
}

/** What bot/ needs from knowledge/. */
export interface FaqRetriever {
  search(text: string): Promise<FaqSearchResult>;
}
