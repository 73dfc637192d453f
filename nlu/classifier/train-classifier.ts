import { chooseThreshold, decide, fitTemperature, type HeldOutPrediction } from './calibrate.js';
import { fitMembers, labelSet, type Members } from './fit-members.js';
import { fnv1a } from './hash.js';
import { tallyHeldOut, type HeldOutAccuracy } from './held-out-accuracy.js';
import { poolScores, scoreHeldOut, type HeldOutScores } from './held-out-scores.js';
import { blend, IntentClassifier, OOS_LABEL } from './intent-classifier.js';
import { softmax } from './linear-model.js';
import { splitExamples } from './split.js';
import { DEFAULT_HYPER, type ClassifierMetrics, type Example, type HyperParams, type Progress } from './train-types.js';

export { DEFAULT_HYPER, type ClassifierMetrics, type Example, type HyperParams } from './train-types.js';

// 1 = NLP.js alone: on a tiny bot the linear model may add nothing, and cross-validation can say so.
const BLEND_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
/** Without a held-back set, bots up to this size calibrate by k-fold cross-validation (all utterances scored once). */
const CV_MAX_EXAMPLES = 600;
const CV_FOLDS = 5;

interface Calibration {
  temperature: number;
  threshold: number;
  nlpjsWeight: number;
}

/** Temperature, blend weight and out-of-scope threshold, all chosen on held-back scores. */
function calibrate(s: HeldOutScores, oosClass: number): Calibration {
  const { truths, weights } = s;
  const temperature = fitTemperature(s.logits, truths, weights, oosClass);
  const linearProbs = s.logits.map((l) => softmax(Float64Array.from(l), temperature));
  let nlpjsWeight = 0;
  let probs = linearProbs;
  if (s.other) {
    const other = s.other;
    // Log loss (a proper scoring rule), not accuracy or decision cost: on a small held-back set
    // those tie or swing on one utterance.
    let bestLoss = Infinity;
    for (const w of BLEND_WEIGHTS) {
      const blended = linearProbs.map((p, i) => blend(p, other[i] as Float64Array, w));
      let loss = 0;
      blended.forEach((p, i) => {
        const y = truths[i] ?? -1;
        // Floored: NLP.js gives exact zeros, and one of them must not decide the weight alone.
        if (y >= 0) loss -= (weights[i] ?? 1) * Math.log(Math.max(1e-4, p[y] ?? 0));
      });
      if (loss < bestLoss - 1e-9) {
        bestLoss = loss;
        nlpjsWeight = w;
        probs = blended;
      }
    }
  }
  const preds: HeldOutPrediction[] = probs.map((p, i) => ({ probs: p, truth: truths[i] ?? -1, weight: weights[i] ?? 1 }));
  const swept = chooseThreshold(preds, oosClass);
  // Background messages are not this bot's traffic: they may lower the bar, never lift it above
  // 0.5, where a calibrated answer stops being more likely right than wrong.
  const threshold = s.realOos ? swept : Math.min(swept, 0.5);
  return { temperature, nlpjsWeight, threshold };
}

/** Real held-back utterances (not background stand-ins) decided under a calibration: overall and per intent. */
function scoredAccuracy(s: HeldOutScores, c: Calibration, labels: string[]): HeldOutAccuracy {
  const oosClass = labels.indexOf(OOS_LABEL);
  const pairs: { truth: number; decided: number }[] = [];
  for (let i = 0; i < s.truths.length; i++) {
    if (!s.real[i]) continue;
    let p = softmax(Float64Array.from(s.logits[i] ?? []), c.temperature);
    if (s.other && c.nlpjsWeight > 0) p = blend(p, s.other[i] as Float64Array, c.nlpjsWeight);
    pairs.push({ truth: s.truths[i] ?? -1, decided: decide(p, oosClass, c.threshold) });
  }
  return tallyHeldOut(pairs, labels, OOS_LABEL);
}

/**
 * k-fold cross-validation for small bots: every utterance is scored once by
 * members that never saw it, so the blend weight and threshold rest on all
 * the data instead of a handful of held-back utterances.
 */
async function crossValidate(train: Example[], hp: HyperParams, withNlpjs: boolean, progress: Progress) {
  const labels = labelSet(train);
  const folds = Array.from({ length: CV_FOLDS }, () => [] as Example[]);
  // Stratified: each class is dealt round-robin over the folds in text-hash order.
  const byClass = new Map<string | null, Example[]>();
  for (const e of train) byClass.set(e.intent, [...(byClass.get(e.intent) ?? []), e]);
  let next = 0;
  for (const group of byClass.values()) {
    for (const e of [...group].sort((x, y) => fnv1a(x.text, 5) - fnv1a(y.text, 5))) folds[next++ % CV_FOLDS]?.push(e);
  }
  const parts: HeldOutScores[] = [];
  for (let f = 0; f < CV_FOLDS; f++) {
    const held = folds[f] ?? [];
    if (held.length === 0) continue;
    const rest = folds.flatMap((g, i) => (i === f ? [] : g));
    const stage = await fitMembers(rest, hp, withNlpjs, (p) => progress(((f + p) / CV_FOLDS) * 0.75), labels);
    parts.push(await scoreHeldOut(stage, held));
  }
  return { scores: poolScores(parts), labels };
}

function assemble(m: Members, c: Calibration): IntentClassifier {
  return new IntentClassifier(m.labels, m.vectorizer, m.linear, c.temperature, c.threshold, c.nlpjsWeight, c.nlpjsWeight > 0 ? m.nlpjs : null);
}

async function accuracyOn(classifier: IntentClassifier, examples: Example[]): Promise<HeldOutAccuracy> {
  const pairs: { truth: number; decided: number }[] = [];
  for (const e of examples) {
    pairs.push({ truth: e.intent === null ? -1 : classifier.labels.indexOf(e.intent), decided: await classifier.decideIndex(e.text) });
  }
  return tallyHeldOut(pairs, classifier.labels, OOS_LABEL);
}

/**
 * Trains the linear model (and NLP.js while affordable) on `train` and
 * calibrates on `heldOut`: temperature, blend weight, out-of-scope threshold,
 * and the held-back accuracy the regression check reads. With no held-back
 * set, a fifth of `train` is held back for calibration, then the final model
 * is refitted on all of `train` with those settings.
 */
export async function trainClassifier(
  train: Example[],
  heldOut: Example[],
  opts: { hyper?: Partial<HyperParams>; onProgress?: Progress } = {},
): Promise<{ classifier: IntentClassifier; metrics: ClassifierMetrics }> {
  const t0 = Date.now();
  const hp = { ...DEFAULT_HYPER, ...opts.hyper };
  const progress = opts.onProgress ?? (() => undefined);
  const withNlpjs = hp.nlpjs === 'on' || (hp.nlpjs === 'auto' && train.length <= hp.maxNlpjsExamples);
  let classifier: IntentClassifier;
  let calibration: Calibration;
  let held: HeldOutAccuracy;
  const useCv = heldOut.length === 0 && train.length <= CV_MAX_EXAMPLES && labelSet(train).length >= 2;
  const inner = heldOut.length === 0 && !useCv ? splitExamples(train, 20, 3) : null;
  if (useCv) {
    const cv = await crossValidate(train, hp, withNlpjs, progress);
    const oosClass = cv.labels.indexOf(OOS_LABEL);
    calibration = calibrate(cv.scores, oosClass);
    held = scoredAccuracy(cv.scores, calibration, cv.labels);
    const final = await fitMembers(train, hp, calibration.nlpjsWeight > 0, (p) => progress(0.75 + p * 0.2), cv.labels);
    classifier = assemble(final, calibration);
  } else if (inner && inner.heldOut.length > 0) {
    const stage = await fitMembers(inner.train, hp, withNlpjs, (p) => progress(p * 0.45));
    calibration = calibrate(await scoreHeldOut(stage, inner.heldOut), stage.labels.indexOf(OOS_LABEL));
    held = await accuracyOn(assemble(stage, calibration), inner.heldOut);
    const final = await fitMembers(train, hp, calibration.nlpjsWeight > 0, (p) => progress(0.5 + p * 0.45));
    classifier = assemble(final, calibration);
  } else {
    const members = await fitMembers(train, hp, withNlpjs, (p) => progress(p * 0.9));
    calibration = calibrate(await scoreHeldOut(members, heldOut), members.labels.indexOf(OOS_LABEL));
    classifier = assemble(members, calibration);
    held = await accuracyOn(classifier, heldOut);
  }
  progress(1);
  return {
    classifier,
    metrics: {
      heldOutAccuracy: held.accuracy,
      heldOutExamples: useCv ? train.length : (inner?.heldOut.length ?? heldOut.length),
      perIntent: held.perIntent,
      ...calibration,
      trainMs: Date.now() - t0,
    },
  };
}
