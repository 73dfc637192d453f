import { detectLanguage, type Language } from '../../core/index.js';
import { BACKGROUND_OUT_OF_SCOPE } from './background-oos.js';
import { rawFeatures } from './features.js';
import type { Members } from './fit-members.js';
import { denseInput, type SemanticSource } from './semantic-member.js';
import type { Example } from './train-types.js';

/** Background out-of-scope messages weigh as if a fifth of traffic were off-topic. */
const BACKGROUND_SHARE = 0.25;

/** Raw member outputs on held-back utterances: what calibration needs, poolable across folds. */
export interface HeldOutScores {
  logits: Float64Array[];
  /** NLP.js scores per utterance, or null when NLP.js did not take part. */
  other: Float64Array[] | null;
  /** Semantic member logits per utterance, or null without an embedding model. */
  semantic: Float64Array[] | null;
  truths: number[];
  weights: number[];
  /** False for background stand-ins. */
  real: boolean[];
  realOos: boolean;
  /** Language of each utterance (core/text/language.ts), for per-language thresholds. */
  languages: Language[];
}

/**
 * Scores held-back utterances with both members. Without real out-of-scope
 * examples, the calibration half of the background set stands in for them.
 */
export async function scoreHeldOut(m: Members, heldOut: Example[], semanticSource?: SemanticSource): Promise<HeldOutScores> {
  const texts = heldOut.map((e) => e.text);
  const truths = heldOut.map((e) => (e.intent === null ? -1 : (m.index.get(e.intent) ?? -2)));
  const weights = heldOut.map(() => 1);
  const real = heldOut.map(() => true);
  const realOos = heldOut.some((e) => e.intent === null);
  if (!realOos) {
    const background = BACKGROUND_OUT_OF_SCOPE.filter((_, i) => i % 2 === 1);
    const w = (BACKGROUND_SHARE * heldOut.length) / background.length;
    for (const t of background) {
      texts.push(t);
      truths.push(-1);
      weights.push(w);
      real.push(false);
    }
  }
  const logits = texts.map((t) => m.linear.logits(m.vectorizer.transform(rawFeatures(t))));
  const nlpjs = m.nlpjs;
  const other = nlpjs ? await Promise.all(texts.map((t) => nlpjs.scores(t, m.labels.length))) : null;
  const head = m.semantic;
  const semantic = head && semanticSource ? (await semanticSource.embed(texts)).map((v) => head.logits(denseInput(v))) : null;
  return { logits, other, semantic, truths, weights, real, realOos, languages: texts.map(detectLanguage) };
}

/** Pools fold scores into one held-back set (labels must be the same in every fold). */
export function poolScores(parts: HeldOutScores[]): HeldOutScores {
  const withOther = parts.every((p) => p.other !== null);
  const withSemantic = parts.every((p) => p.semantic !== null);
  return {
    logits: parts.flatMap((p) => p.logits),
    other: withOther ? parts.flatMap((p) => p.other ?? []) : null,
    semantic: withSemantic ? parts.flatMap((p) => p.semantic ?? []) : null,
    truths: parts.flatMap((p) => p.truths),
    weights: parts.flatMap((p) => p.weights),
    real: parts.flatMap((p) => p.real),
    realOos: parts.some((p) => p.realOos),
    languages: parts.flatMap((p) => p.languages),
  };
}
