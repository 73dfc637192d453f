import type { Sentiment } from '../../../core/index.js';
import { foldChinese } from '../../../core/index.js';
import { valenceOf } from '../lexicon.js';
import { ZH_COMPLAINTS, ZH_QUESTION } from './complaints-zh.js';
import { ZH_CONTRAST, ZH_DEGREE, ZH_DEGREE_MAX, ZH_LEXICON, ZH_MAX_WORD, ZH_NEGATORS } from './lexicon-zh.js';

/** Squashing and label margin shared with the English analyzer (analyze-sentiment.ts). */
const ALPHA = 12;
const MARGIN = 0.3;
/** A negator reaches at most this many characters ahead (不 太 好 吃: 2 characters between). */
const NEGATION_REACH = 4;
const CLAUSE = /[,.!?;:~、…\s]/;
const LATIN_OR_EMOJI = /^(?:[a-z]+(?:'[a-z]+)?|\p{Extended_Pictographic}\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*)/u;

function startsAt(text: string, i: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, i)) return w;
  return null;
}

function lexiconAt(text: string, i: number): [string, number] | null {
  for (let n = Math.min(ZH_MAX_WORD, text.length - i); n >= 1; n--) {
    const w = text.slice(i, i + n);
    const v = ZH_LEXICON.get(w);
    if (v !== undefined) return [w, v];
  }
  return null;
}

function degreeAt(text: string, i: number): [string, number] | null {
  for (let n = ZH_DEGREE_MAX; n >= 1; n--) {
    const w = text.slice(i, i + n);
    const v = ZH_DEGREE.get(w);
    if (v !== undefined) return [w, v];
  }
  return null;
}

interface Hit {
  value: number;
  at: number;
}

/**
 * Longest-match scan over the folded text: lexicon words first (so 不错 and 没问题 are words, not
 * negations), then negators and degree adverbs that apply to the next sentiment word of the clause.
 * English words and emoji inside a Chinese message use the English lexicon.
 */
function scan(text: string): Hit[] {
  const hits: Hit[] = [];
  let negatedAt = -1;
  let boost = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (CLAUSE.test(ch)) {
      negatedAt = -1;
      boost = 1;
      i++;
      continue;
    }
    const latin = LATIN_OR_EMOJI.exec(text.slice(i, i + 24));
    if (latin) {
      const v = valenceOf(latin[0]);
      if (v !== undefined) hits.push({ value: v * boost, at: i });
      i += latin[0].length;
      continue;
    }
    // 不过 is "but", not a negation of 过: contrast words end the negation's reach like a comma.
    const contrast = startsAt(text, i, ZH_CONTRAST);
    if (contrast && !lexiconAt(text, i)) {
      negatedAt = -1;
      boost = 1;
      i += contrast.length;
      continue;
    }
    const word = lexiconAt(text, i);
    const neg = startsAt(text, i, ZH_NEGATORS);
    // A negator wins over a one-character lexicon word that starts with it (没 vs 没味 is a word; 不 + 好).
    if (word && (!neg || word[0].length > neg.length)) {
      let v = word[1] * boost;
      if (negatedAt >= 0 && i - negatedAt <= NEGATION_REACH) v = v > 0 ? -v * 0.8 : -v * 0.4;
      hits.push({ value: v, at: i });
      negatedAt = -1;
      boost = 1;
      i += word[0].length;
      continue;
    }
    if (neg) {
      negatedAt = i + neg.length;
      i += neg.length;
      continue;
    }
    const degree = degreeAt(text, i);
    if (degree) {
      boost *= degree[1];
      i += degree[0].length;
      continue;
    }
    i++;
  }
  return hits;
}

/** Contrast: what follows 但是/不过 in a sentence weighs 1.5, what precedes it 0.5. */
function contrastWeights(text: string, hits: Hit[]): number[] {
  return hits.map((h) => {
    const sentenceStart = Math.max(text.lastIndexOf('.', h.at), text.lastIndexOf('!', h.at), text.lastIndexOf('?', h.at)) + 1;
    const endRel = text.slice(h.at).search(/[.!?]/);
    const sentenceEnd = endRel < 0 ? text.length : h.at + endRel;
    const before = ZH_CONTRAST.some((c) => text.lastIndexOf(c, h.at) >= sentenceStart && text.lastIndexOf(c, h.at) > 0);
    const after = ZH_CONTRAST.some((c) => {
      const k = text.indexOf(c, h.at + 1);
      return k > h.at && k < sentenceEnd;
    });
    return (before ? 1.5 : 1) * (after ? 0.5 : 1);
  });
}

/** Lexicon + rules sentiment for a Chinese message (traditional, full-width and mixed text included). */
export function analyzeChineseSentiment(input: string): Sentiment {
  const text = foldChinese(input.normalize('NFKC')).toLowerCase();
  const hits = scan(text);
  const weights = contrastWeights(text, hits);
  let sum = 0;
  let negatives = 0;
  let strongest = 0;
  hits.forEach((h, k) => {
    const v = h.value * (weights[k] ?? 1);
    sum += v;
    if (v < 0) {
      negatives++;
      strongest = Math.min(strongest, v);
    }
  });
  for (const [v, re] of ZH_COMPLAINTS) {
    if (!re.test(text)) continue;
    sum += v;
    negatives++;
    strongest = Math.min(strongest, v);
  }
  // "请问怎么申请退款?" asks for something; one mild problem word in a question is not a complaint.
  if (negatives === 1 && strongest >= -2.5 && sum < 0 && ZH_QUESTION.test(text.trim())) sum *= 0.4;
  if (/\?\s*\?/.test(text) && sum <= 0) sum -= 1;
  const bangs = Math.min(3, (text.match(/!/g) ?? []).length);
  if (sum !== 0 && bangs > 0) sum *= 1 + 0.15 * bangs;
  const score = sum / Math.sqrt(sum * sum + ALPHA);
  const label = score <= -MARGIN ? 'negative' : score >= MARGIN ? 'positive' : 'neutral';
  return { score: Math.max(-1, Math.min(1, Number(score.toFixed(4)))), label };
}
