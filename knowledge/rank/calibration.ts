import type { FaqDecision } from '../../core/index.js';
import type { Candidate } from './candidates.js';
import { fitLogistic, predict, type LogisticModel } from './logistic.js';

/**
 * Hand-set priors (used until the FAQ is big enough to fit its own model, and
 * as the starting point of the fit). Principled, not tuned on any evaluation set:
 * a top hit is trusted when it covers the query's terms, in the question
 * field, with a clear margin over the runner-up (and, in hybrid mode, a high
 * cosine that agrees with the lexical top).
 */
export const PRIOR_LEXICAL: LogisticModel = { weights: [0, 2, 3, 4], bias: -2 };
export const PRIOR_HYBRID: LogisticModel = { weights: [0, 1, 1.5, 2, 6, 6, 1], bias: -5.5 };
/**
 * Lexical mode: a hit that shares no content word with the query (it matched
 * through stop words or a few character n-grams) is neither answered nor
 * suggested. Coverage used to be a model feature instead, but the probes cover
 * every word by construction, so the fit leaned on it and real paraphrases
 * (which cover only some words) were rarely answered.
 */
export const NO_OVERLAP_CAP = 0.1;
/**
 * A query that is word for word one of an entry's own phrasings is answered
 * whatever the fitted model says: the admin wrote that phrasing for this
 * answer. Above the highest self-chosen threshold (ANSWER_THRESHOLD_MAX).
 */
export const KNOWN_PHRASING_P = 0.95;

/**
 * Decision thresholds on the calibrated probability of the best hit. The
 * answer threshold is chosen per FAQ on its own probes (below): the lowest
 * value at which the probes' answers reach TARGET_PRECISION. ANSWER_THRESHOLD
 * is the fallback when there are too few probes. Suggestions ("did you mean")
 * start at CLARIFY_THRESHOLD; below it the dialogue falls back or escalates.
 */
export const TARGET_PRECISION = 0.9;
export const ANSWER_THRESHOLD = 0.7;
const ANSWER_THRESHOLD_MIN = 0.35;
const ANSWER_THRESHOLD_MAX = 0.9;
/** Answered probes needed before a precision estimate is trusted. */
const MIN_ANSWERED = 10;
export const CLARIFY_THRESHOLD = 0.2;
/** Suggestions must be reasonably plausible themselves. */
export const SUGGEST_THRESHOLD = 0.15;
export const MAX_SUGGESTIONS = 3;

export interface Calibration {
  model: LogisticModel;
  source: 'prior' | 'self-supervised';
  samples: number;
  answerThreshold: number;
  /** Hybrid mode: weight of the vector list in the fusion, chosen on the probes (fusion-weight.ts); 1 = plain RRF. */
  vectorWeight: number;
}

export function priorCalibration(hybrid: boolean): Calibration {
  return { model: hybrid ? PRIOR_HYBRID : PRIOR_LEXICAL, source: 'prior', samples: 0, answerThreshold: ANSWER_THRESHOLD, vectorWeight: 1 };
}

/** Lowest threshold whose answered probes are right at least TARGET_PRECISION of the time. */
export function chooseAnswerThreshold(scored: { p: number; y: number }[]): number {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  let right = 0;
  let best = ANSWER_THRESHOLD;
  let found = false;
  sorted.forEach((s, i) => {
    right += s.y;
    const answered = i + 1;
    if (answered >= MIN_ANSWERED && right / answered >= TARGET_PRECISION) {
      best = s.p;
      found = true;
    }
  });
  if (!found) return ANSWER_THRESHOLD_MAX;
  return Math.min(ANSWER_THRESHOLD_MAX, Math.max(ANSWER_THRESHOLD_MIN, best));
}

/** Below this many probe rows the prior is kept (a fit on 10 points is noise). */
export const MIN_SAMPLES = 30;
/** Below this many rows the fixed ANSWER_THRESHOLD is used: too few probes to estimate precision. */
const MIN_ROWS_FOR_THRESHOLD = 80;
/**
 * Strength of the pull towards the prior, divided by the number of rows: small
 * FAQs stay close to it. At 8 a 67-entry FAQ's fit barely left the prior; at 0.25
 * a few hundred probe rows decide.
 */
const PRIOR_STRENGTH = 1;

/** One probe's top hit: features, whether it was right, and whether NO_OVERLAP_CAP applies to it. */
export interface ProbeRow {
  x: number[];
  y: number;
  capped?: boolean;
}

export function fitCalibration(rows: ProbeRow[], hybrid: boolean, vectorWeight = 1): Calibration {
  const prior = { ...priorCalibration(hybrid), vectorWeight };
  // Capped rows are decided by the cap, not the model: fit on the others, choose the threshold on all.
  const fit = rows.filter((r) => !r.capped);
  if (fit.length < MIN_SAMPLES || !fit.some((r) => r.y === 1) || !fit.some((r) => r.y === 0)) return prior;
  const model = fitLogistic(
    fit.map((r) => r.x),
    fit.map((r) => r.y),
    { init: prior.model, l2: PRIOR_STRENGTH / fit.length, shrinkToInit: true, iterations: 3000, rate: 1 },
  );
  const answerThreshold =
    rows.length >= MIN_ROWS_FOR_THRESHOLD ? chooseAnswerThreshold(rows.map((r) => ({ p: Math.min(predict(model, r.x), r.capped ? NO_OVERLAP_CAP : 1), y: r.y }))) : ANSWER_THRESHOLD;
  return { model, source: 'self-supervised', samples: rows.length, answerThreshold, vectorWeight };
}

export function calibrate(c: Calibration, candidates: Candidate[]): number[] {
  // The calibrated value of a lower hit can never exceed a higher one's.
  let cap = 1;
  return candidates.map((cand) => {
    const fitted = cand.knownPhrasing ? Math.max(KNOWN_PHRASING_P, predict(c.model, cand.features)) : predict(c.model, cand.features);
    const p = Math.min(cap, fitted, cand.noOverlap ? NO_OVERLAP_CAP : 1);
    cap = p;
    return p;
  });
}

export function decide(calibrated: number[], answerAt = ANSWER_THRESHOLD): { decision: FaqDecision; keep: number } {
  const p1 = calibrated[0] ?? 0;
  if (p1 >= answerAt) return { decision: 'answer', keep: Math.min(calibrated.length, MAX_SUGGESTIONS) };
  if (p1 >= CLARIFY_THRESHOLD) {
    const keep = Math.max(1, calibrated.slice(0, MAX_SUGGESTIONS).filter((p) => p >= SUGGEST_THRESHOLD).length);
    return { decision: 'clarify', keep };
  }
  return { decision: 'none', keep: Math.min(calibrated.length, MAX_SUGGESTIONS) };
}
