import en from '@nlpjs/lang-en-min';

// @nlpjs packages are CommonJS: named ESM imports fail, take the default export apart.
const { StemmerEn, StopwordsEn, TokenizerEn, NormalizerEn } = en;

const stemmer = new StemmerEn();
const stopwords = new StopwordsEn();
const tokenizer = new TokenizerEn();
const normalizer = new NormalizerEn();

/** Queries are capped so a 4,000-char paste cannot make one search expensive. */
export const MAX_QUERY_TERMS = 64;

/**
 * Lowercase, strip accents and markup, split letters from digits ("covid19" ->
 * covid 19), split on punctuation, expand contractions ("doesn't" -> does not).
 */
export function tokenize(text: string): string[] {
  const cleaned = normalizer
    .normalize(text)
    .replace(/<[^>]*>|[*_`#>|~=+{}\\-]+/g, ' ')
    .replace(/([a-z])(\d)|(\d)([a-z])/g, (_m, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
  return tokenizer.tokenize(cleaned, false).filter((t) => t.length > 0);
}

export function isStopword(term: string): boolean {
  return term !== 'not' && term !== 'no' && stopwords.isStopword(term);
}

/**
 * Token -> index term (NLP.js English stemmer). Stop words are dropped only
 * from answers: in short questions "what/where/how/should" carry the intent
 * of the question (removing them from questions cost 20 points of R@1 on
 * CovidFAQ), while in long answer prose they are noise.
 */
export function processTerm(token: string, field?: string): string | null {
  const t = token.toLowerCase();
  if (t.length === 0) return null;
  if (field === 'answer' && isStopword(t)) return null;
  if (/^\d+$/.test(t)) return t;
  const stem = stemmer.stem(t);
  return stem.length > 0 ? stem : t;
}

/** Distinct index terms of a text, in order, with whether each is a content word. */
export function analyze(text: string, limit = Number.POSITIVE_INFINITY): { raw: string[]; terms: string[]; content: boolean[] } {
  const raw: string[] = [];
  const terms: string[] = [];
  const content: boolean[] = [];
  for (const tok of tokenize(text)) {
    const term = processTerm(tok);
    if (!term || terms.includes(term)) continue;
    raw.push(tok);
    terms.push(term);
    content.push(!isStopword(tok.toLowerCase()));
    if (terms.length >= limit) break;
  }
  return { raw, terms, content };
}
