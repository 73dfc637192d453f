import en from '@nlpjs/lang-en-min';
import { foldChinese, HAN, hanRuns, segmentChinese } from '../../core/index.js';

// @nlpjs packages are CommonJS: named ESM imports fail, take the default export apart.
const { StemmerEn, StopwordsEn } = en;

const stemmer = new StemmerEn();
const stopwords = new StopwordsEn();

/** Distinct terms read from one query (a 4,000-char paste has a few hundred); the lexical index keeps the rarest 16. */
export const MAX_QUERY_TERMS = 1000;

/**
 * Lowercase, strip accents and markup, expand contractions ("doesn't" -> does
 * not), split letters from digits ("covid19" -> covid 19) and on anything that
 * is not a letter or digit. Same rules as NLP.js' English normaliser and
 * tokenizer, in a few regexes: it runs on every indexed word and was the
 * slowest part of indexing.
 */
export function tokenize(text: string): string[] {
  const folded = foldChinese(text.normalize('NFKC'));
  const out = latinTokens(folded);
  for (const run of hanRuns(folded)) out.push(...chineseTerms(run.text));
  return out;
}

/**
 * Chinese has no spaces: a Han run gives its words (core's segmenter) and every character bigram. Words
 * match what the customer meant when the segmenter agrees on both sides; bigrams match when it does not
 * (BM25 over bigrams alone is the usual Chinese baseline). Traditional text was folded to simplified.
 */
export function chineseTerms(run: string): string[] {
  const out = segmentChinese(run);
  const chars = [...run];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** Letters and digits outside Han runs (English rules below); Han characters are left to `chineseTerms`. */
export function latinTokens(text: string): string[] {
  const cleaned = text
    .replace(HAN_GLOBAL, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    // Typed without the apostrophe ("doesnt", "cant"), as customers often do.
    .replace(/\b(do|does|did|is|was|were|are|has|have|had|could|should|would|ca|wo)nt\b/g, "$1n't")
    .replace(/\b(can)'t\b|\bwon't\b|n't\b/g, (m, can: string | undefined) => (can ? 'can not' : m === "won't" ? 'will not' : ' not'))
    .replace(/'(ll|re|ve|m|d|s)\b/g, (_m, c: string) => ` ${CONTRACTIONS[c] ?? ''}`)
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_m, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
  return cleaned.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}
const HAN_GLOBAL = new RegExp(HAN.source, 'gu');
const CONTRACTIONS: Record<string, string> = { ll: 'will', re: 'are', ve: 'have', m: 'am', d: 'had', s: 'is' };

/** Chinese function words: question words and pronouns say nothing about the topic (one Han character rarely does). */
const ZH_STOPWORDS = new Set(['什么', '怎么', '为什么', '如何', '是否', '可以', '能否', '请问', '我们', '你们', '他们', '这个', '那个', '一下', '已经', '因为', '所以', '还是', '或者', '怎么办', '怎样', '多少', '的话', '没有', '不能', '需要', '现在']);

export function isStopword(term: string): boolean {
  if (HAN.test(term)) return [...term].length === 1 || ZH_STOPWORDS.has(term);
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
  return stem(t);
}

// The Porter-style stemmer is the hot spot of indexing; words repeat a lot, so memoise (bounded).
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

function stem(t: string): string {
  const hit = stems.get(t);
  if (hit !== undefined) return hit;
  const s = /^\d+$/.test(t) || HAN.test(t) ? t : stemmer.stem(t) || t;
  if (stems.size >= MAX_CACHED_STEMS) stems.clear();
  stems.set(t, s);
  return s;
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
