import { detectLanguage, type Sentiment } from '../../core/index.js';
import { analyzeChineseSentiment } from './zh/analyze-zh.js';
import { cleanText } from '../text/normalize.js';
import { ANGER_PATTERNS } from './anger.js';
import { COMPLAINT_TEMPLATES } from './complaint-templates.js';
import { informalToStandard, unstretched } from './informal.js';
import { NEGATED_STATEMENT, PROBLEM_REPORTS, SARCASTIC_THANKS } from './problem-reports.js';
import { politeRequest } from './request.js';
import { CONTRAST, INTENSIFIERS, NEGATORS, valenceOf } from './lexicon.js';

/** Negation reaches this many tokens forward, stopping at clause punctuation. */
const NEGATION_SCOPE = 3;
const MAX_CHARS = 2000;
/** Squashing constant (as in VADER): sum s maps to s / sqrt(s^2 + ALPHA). */
const ALPHA = 12;
/** Scores within +-LABEL_MARGIN are neutral: a plain question has no sentiment. */
export const LABEL_MARGIN = 0.3;

/** A question or request of any kind: "I can't find the invoice, where is it?" asks, it does not complain. */
const ASKS_ANYTHING = /\?|\b(?:please|pls|how\s+(?:do|can|should)\s+i|can\s+you|could\s+you|i\s+(?:need|want|would\s+like)\s+to)\b/;

const SARCASTIC_CLOSE = /[,.!-]\s*(?:just\s+|oh\s+|so\s+|really\s+)?(great|perfect|wonderful|brilliant|awesome|fantastic|lovely|nice|thanks|amazing|excellent)[.!]*$/;

// Emoticons first (":(", ":-)", "<3", "-_-"), then words, clause punctuation and emoji (with ZWJ sequences).
const TOKEN = /(?<![\p{L}\p{N}])(?:>?[:;]['-]?[()DP/\\]|<3|-_-)(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[.!?;,]|\p{Extended_Pictographic}\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;

/** "best way to", "good time to call": praise words that only qualify a request. */
const IDIOM_NEXT = new Set(['way', 'time', 'place', 'number', 'option', 'options', 'plan', 'price', 'deal', 'rate', 'method', 'email', 'address', 'contact', 'morning', 'afternoon', 'evening', 'day']);
const COURTESY = new Set(['thanks', 'thank', 'thx', 'ty', 'please', 'appreciate', 'appreciated', 'kind', 'kindly', 'cheers']);

/** Every positive word of the message is a courtesy word. */
function courtesyOnly(tokens: string[]): boolean {
  return tokens.every((t) => COURTESY.has(t) || (valenceOf(t) ?? 0) <= 0);
}

function isNegator(tok: string): boolean {
  return NEGATORS.has(tok) || tok.endsWith("n't") || tok.endsWith('n’t');
}

function clauseWeights(tokens: string[]): number[] {
  // Per sentence: each contrast word halves what precedes it and lifts what follows by half (capped at two levels).
  const w = tokens.map(() => 1);
  let start = 0;
  for (let end = 0; end <= tokens.length; end++) {
    if (end < tokens.length && !/^[.!?]$/.test(tokens[end] ?? '')) continue;
    let total = 0;
    for (let i = start + 1; i < end; i++) if (CONTRAST.has(tokens[i] ?? '')) total++;
    let seen = 0;
    for (let i = start; i < end; i++) {
      if (i > start && CONTRAST.has(tokens[i] ?? '')) seen++;
      w[i] = Math.pow(0.5, Math.min(2, total - seen)) * Math.pow(1.5, Math.min(2, seen));
    }
    start = end + 1;
  }
  return w;
}

/** Lexicon + rules sentiment for one support message: score in -1..1 and a label. */
export function analyzeSentiment(input: string): Sentiment {
  // The first 2,000 characters carry the customer's mood; longer pastes (logs, threads) only cost time.
  const clean = cleanText(input.slice(0, MAX_CHARS)).normalize('NFKC');
  if (detectLanguage(clean) === 'zh') return analyzeChineseSentiment(clean);
  const text = informalToStandard(clean);
  const raw = text.match(TOKEN) ?? [];
  const tokens = raw.map((t) => t.toLowerCase().replace('’', "'"));
  const weights = clauseWeights(tokens);
  let neg = 0;
  let pos = 0;
  let signals = 0;
  let strongest = 0;
  let negateLeft = 0;
  let boost = 1;
  tokens.forEach((tok, i) => {
    if (/^[.!?;,]$/.test(tok)) {
      negateLeft = 0;
      boost = 1;
      return;
    }
    const valence = IDIOM_NEXT.has(tokens[i + 1] ?? '') && /^(?:best|good|better|fine)$/.test(tok) ? undefined : (valenceOf(tok) ?? valenceOf(tok.replace(/\uFE0F$/, '')) ?? valenceOf(unstretched(tok)));
    if (valence === undefined) {
      if (isNegator(tok)) negateLeft = NEGATION_SCOPE;
      else if (negateLeft > 0) negateLeft--;
      const mult = INTENSIFIERS.get(tok);
      if (mult !== undefined && !(tok === 'kind' || tok === 'sort')) boost *= mult;
      else if (mult === undefined) boost = 1;
      return;
    }
    let v = valence * boost;
    const word = raw[i] ?? '';
    // SHOUTING a sentiment word (not an acronym of one letter) adds intensity.
    if (word.length >= 3 && word === word.toUpperCase() && word !== word.toLowerCase() && text !== text.toUpperCase()) v *= 1.3;
    // "not good" is bad, "not bad" is only mildly good.
    if (negateLeft > 0) v = v > 0 ? -v * 0.8 : -v * 0.4;
    v *= weights[i] ?? 1;
    if (v < 0) {
      neg += v;
      signals++;
      strongest = Math.min(strongest, v);
    } else pos += v;
    boost = 1;
    negateLeft = Math.max(0, negateLeft - 1);
  });
  const lower = tokens.join(' ').replace(/ ([.!?;,])/g, '$1');
  for (const [v, re] of [...ANGER_PATTERNS, ...COMPLAINT_TEMPLATES, ...PROBLEM_REPORTS]) {
    if (!re.test(lower)) continue;
    if (v < 0) {
      neg += v;
      signals++;
      strongest = Math.min(strongest, v);
    } else pos += v;
  }
  if (signals === 0 && pos === 0 && NEGATED_STATEMENT.test(lower) && !ASKS_ANYTHING.test(lower)) {
    neg -= 1.5;
    signals++;
    strongest = Math.min(strongest, -1.5);
  }
  // Sarcasm: a complaint closed by a lone "great" / "thanks" / "perfect" is still a complaint.
  const closing = SARCASTIC_CLOSE.exec(lower);
  const closeValence = closing ? (valenceOf(closing[1] ?? '') ?? 0) : 0;
  if (closing && neg + pos - closeValence < 0) pos -= 2 * closeValence;
  else if (SARCASTIC_THANKS.test(lower) && neg < 0) pos = -Math.abs(pos);
  // One praise or courtesy word inside a solid complaint is politeness or irony, not praise.
  else if (neg <= -4 && pos > 0 && pos <= 3.5) pos = 0;
  // Courtesy alone ("thanks for the reply. Still no answer") does not offset a complaint.
  else if (neg <= -2.5 && pos > 0 && courtesyOnly(tokens)) pos *= 0.3;
  // A polite question with a single mild problem word reports a problem ("what's the number for lost cards?").
  if (signals === 1 && strongest >= -2.6 && politeRequest(lower)) neg *= 0.4;
  let sum = neg + pos;
  // "??" and repeated question marks read as exasperation, never as a neutral question.
  if (/\?\s*\?/.test(text) && sum <= 0) sum -= 1;
  const bangs = Math.min(3, (text.match(/!/g) ?? []).length);
  if (sum !== 0 && bangs > 0) sum *= 1 + 0.15 * bangs;
  const score = sum / Math.sqrt(sum * sum + ALPHA);
  const label = score <= -LABEL_MARGIN ? 'negative' : score >= LABEL_MARGIN ? 'positive' : 'neutral';
  return { score: Math.max(-1, Math.min(1, Number(score.toFixed(4)))), label };
}
