import en from '@nlpjs/lang-en-min';

// @nlpjs packages are CommonJS: named ESM imports fail, take the default export apart.
const { StemmerEn, StopwordsEn, TokenizerEn, NormalizerEn } = en;

const stemmer = new StemmerEn();
const stopwords = new StopwordsEn();
const tokenizer = new TokenizerEn();
const normalizer = new NormalizerEn();

/** Queries are capped so a 4,000-char paste cannot make one search expensive. */
export const MAX_QUERY_TERMS = 64;

/** Lowercase, strip accents, split on punctuation, expand contractions ("doesn't" -> does not). */
export function tokenize(text: string): string[] {
  // Markup characters and URLs are noise for matching; the stored text keeps them.
  const cleaned = normalizer.normalize(text).replace(/<[^>]*>|[*_`#>|~=+{}\\-]+/g, ' ');
  return tokenizer.tokenize(cleaned, false).filter((t) => t.length > 0);
}

/**
 * One token -> index term: drops stop words, stems the rest. Keeps "not" and
 * "no" (stop lists drop them, but "not delivered" vs "delivered" matters).
 */
export function processTerm(token: string): string | null {
  const t = token.toLowerCase();
  if (t.length === 0) return null;
  if (t !== 'not' && t !== 'no' && stopwords.isStopword(t)) return null;
  if (/^\d+$/.test(t)) return t;
  const stem = stemmer.stem(t);
  return stem.length > 0 ? stem : t;
}

/** Full pipeline for a text: the distinct-term view used by features and the eval. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const tok of tokenize(text)) {
    const term = processTerm(tok);
    if (term) out.push(term);
  }
  return out;
}
