import { chooseThreshold, decide, fitTemperature, type HeldOutPrediction } from './calibrate.js';
import { tallyHeldOut, type HeldOutAccuracy } from './held-out-accuracy.js';
import type { HeldOutScores } from './held-out-scores.js';
import { OOS_LABEL } from './intent-classifier.js';
import { blend, softmax } from './linear-model.js';

// 1 = the other member alone: on a tiny bot the linear model may add nothing, and cross-validation can say so.
const BLEND_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface SemanticCalibration {
  temperature: number;
  weight: number;
  /** Threshold of the blend without the semantic member, for analysis without an embedder. */
  lexicalThreshold: number;
}

export interface Calibration {
  temperature: number;
  threshold: number;
  nlpjsWeight: number;
  /**
   * Out-of-scope thresholds of the languages with enough held-back utterances, when the bot holds
   * several (a Chinese message's confidence spreads differently from an English one's); others use `threshold`.
   */
  languageThresholds?: Record<string, number>;
  /** Present when a semantic member took part and earned a weight above 0. */
  semantic?: SemanticCalibration;
}

/**
 * The blend weight with the lowest held-back log loss (a proper scoring rule, not accuracy or decision
 * cost: on a small held-back set those tie or swing on one utterance).
 */
function bestBlend(base: Float64Array[], other: Float64Array[], s: HeldOutScores): { weight: number; probs: Float64Array[] } {
  let best = { weight: 0, probs: base, loss: Infinity };
  for (const w of BLEND_WEIGHTS) {
    const blended = base.map((p, i) => blend(p, other[i] as Float64Array, w));
    let loss = 0;
    blended.forEach((p, i) => {
      const y = s.truths[i] ?? -1;
      // Floored: NLP.js gives exact zeros, and one of them must not decide the weight alone.
      if (y >= 0) loss -= (s.weights[i] ?? 1) * Math.log(Math.max(1e-4, p[y] ?? 0));
    });
    if (loss < best.loss - 1e-9) best = { weight: w, probs: blended, loss };
  }
  return best;
}

function thresholdOn(probs: Float64Array[], s: HeldOutScores, oosClass: number): number {
  const preds: HeldOutPrediction[] = probs.map((p, i) => ({ probs: p, truth: s.truths[i] ?? -1, weight: s.weights[i] ?? 1 }));
  const swept = chooseThreshold(preds, oosClass);
  // Background messages are not this bot's traffic: they may lower the bar, never lift it above
  // 0.5, where a calibrated answer stops being more likely right than wrong.
  return s.realOos ? swept : Math.min(swept, 0.5);
}

/** Fewest held-back utterances of one language for a threshold of its own. */
const MIN_LANGUAGE_EXAMPLES = 20;

/** Per-language thresholds: each language's real utterances plus every background stand-in (off-topic in any language). */
function languageThresholds(probs: Float64Array[], s: HeldOutScores, oosClass: number): Record<string, number> | undefined {
  const counts = new Map<string, number>();
  s.languages.forEach((l, i) => {
    if (s.real[i] && l !== 'und') counts.set(l, (counts.get(l) ?? 0) + 1);
  });
  const langs = [...counts].filter(([, n]) => n >= MIN_LANGUAGE_EXAMPLES).map(([l]) => l);
  if (langs.length < 2) return undefined;
  const out: Record<string, number> = {};
  for (const lang of langs) {
    const keep = s.truths.map((_, i) => !s.real[i] || s.languages[i] === lang);
    const pick = <T>(xs: T[]): T[] => xs.filter((_, i) => keep[i]);
    out[lang] = thresholdOn(pick(probs), { ...s, truths: pick(s.truths), weights: pick(s.weights) }, oosClass);
  }
  return out;
}

/**
 * Temperatures, blend weights and out-of-scope threshold, all chosen on held-back scores. Members join
 * one at a time: n-gram model, then NLP.js, then the semantic member over that blend.
 */
export function calibrate(s: HeldOutScores, oosClass: number): Calibration {
  const temperature = fitTemperature(s.logits, s.truths, s.weights, oosClass);
  const linearProbs = s.logits.map((l) => softmax(Float64Array.from(l), temperature));
  const lexical = s.other ? bestBlend(linearProbs, s.other, s) : { weight: 0, probs: linearProbs };
  const lexicalThreshold = thresholdOn(lexical.probs, s, oosClass);
  const perLanguage = languageThresholds(lexical.probs, s, oosClass);
  const base = { temperature, nlpjsWeight: lexical.weight, threshold: lexicalThreshold, ...(perLanguage ? { languageThresholds: perLanguage } : {}) };
  if (!s.semantic) return base;
  const semanticTemperature = fitTemperature(s.semantic, s.truths, s.weights, oosClass);
  const semanticProbs = s.semantic.map((l) => softmax(Float64Array.from(l), semanticTemperature));
  const full = bestBlend(lexical.probs, semanticProbs, s);
  if (full.weight === 0) return base;
  const { languageThresholds: _lexicalOnly, ...rest } = base;
  const fullPerLanguage = languageThresholds(full.probs, s, oosClass);
  return {
    ...rest,
    ...(fullPerLanguage ? { languageThresholds: fullPerLanguage } : {}),
    threshold: thresholdOn(full.probs, s, oosClass),
    semantic: { temperature: semanticTemperature, weight: full.weight, lexicalThreshold },
  };
}

/** Real held-back utterances (not background stand-ins) decided under a calibration: overall and per intent. */
export function scoredAccuracy(s: HeldOutScores, c: Calibration, labels: string[]): HeldOutAccuracy {
  const oosClass = labels.indexOf(OOS_LABEL);
  const pairs: { truth: number; decided: number }[] = [];
  for (let i = 0; i < s.truths.length; i++) {
    if (!s.real[i]) continue;
    let p = softmax(Float64Array.from(s.logits[i] ?? []), c.temperature);
    if (s.other && c.nlpjsWeight > 0) p = blend(p, s.other[i] as Float64Array, c.nlpjsWeight);
    if (s.semantic && c.semantic) p = blend(p, softmax(Float64Array.from(s.semantic[i] ?? []), c.semantic.temperature), c.semantic.weight);
    const threshold = c.languageThresholds?.[s.languages[i] ?? 'und'] ?? c.threshold;
    pairs.push({ truth: s.truths[i] ?? -1, decided: decide(p, oosClass, threshold) });
  }
  return tallyHeldOut(pairs, labels, OOS_LABEL);
}
