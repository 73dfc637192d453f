import { calibrate, scoredAccuracy, type Calibration } from './ensemble-calibration.js';
import { fitMembers, labelSet, type Members } from './fit-members.js';
import { fnv1a } from './hash.js';
import { tallyHeldOut, type HeldOutAccuracy } from './held-out-accuracy.js';
import { poolScores, scoreHeldOut, type HeldOutScores } from './held-out-scores.js';
import { IntentClassifier, OOS_LABEL } from './intent-classifier.js';
import { SemanticHead } from './semantic-head.js';
import { memoizeEmbed, type SemanticSource } from './semantic-member.js';
import { splitExamples } from './split.js';
import { DEFAULT_HYPER, type ClassifierMetrics, type Example, type HyperParams, type Progress } from './train-types.js';

export { DEFAULT_HYPER, type ClassifierMetrics, type Example, type HyperParams } from './train-types.js';

/** Without a held-back set, bots up to this size calibrate by k-fold cross-validation (all utterances scored once). */
const CV_MAX_EXAMPLES = 600;
const CV_FOLDS = 5;

/**
 * k-fold cross-validation for small bots: every utterance is scored once by
 * members that never saw it, so the blend weight and threshold rest on all
 * the data instead of a handful of held-back utterances.
 */
async function crossValidate(train: Example[], hp: HyperParams, withNlpjs: boolean, progress: Progress, semantic?: SemanticSource) {
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
    const stage = await fitMembers(rest, hp, withNlpjs, (p) => progress(((f + p) / CV_FOLDS) * 0.75), labels, semantic);
    parts.push(await scoreHeldOut(stage, held, semantic));
  }
  return { scores: poolScores(parts), labels };
}

function assemble(m: Members, c: Calibration, source?: SemanticSource): IntentClassifier {
  const s = c.semantic;
  const head = s && m.semantic && source ? new SemanticHead(source.model, m.semantic, s.temperature, s.weight, s.lexicalThreshold) : null;
  return new IntentClassifier(m.labels, m.vectorizer, m.linear, c.temperature, c.threshold, c.nlpjsWeight, c.nlpjsWeight > 0 ? m.nlpjs : null, undefined, head, c.languageThresholds ?? null);
}

async function accuracyOn(classifier: IntentClassifier, examples: Example[], source?: SemanticSource): Promise<HeldOutAccuracy> {
  const vectors = classifier.semantic && source ? await source.embed(examples.map((e) => e.text)) : null;
  const pairs: { truth: number; decided: number }[] = [];
  for (const [i, e] of examples.entries()) {
    const decided = await classifier.decideIndex(e.text, vectors?.[i] ?? null);
    pairs.push({ truth: e.intent === null ? -1 : classifier.labels.indexOf(e.intent), decided });
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
  opts: { hyper?: Partial<HyperParams>; onProgress?: Progress; semantic?: SemanticSource } = {},
): Promise<{ classifier: IntentClassifier; metrics: ClassifierMetrics }> {
  const t0 = Date.now();
  const source = opts.semantic ? { model: opts.semantic.model, embed: memoizeEmbed(opts.semantic.embed) } : undefined;
  const hp = { ...DEFAULT_HYPER, ...opts.hyper };
  const progress = opts.onProgress ?? (() => undefined);
  const withNlpjs = hp.nlpjs === 'on' || (hp.nlpjs === 'auto' && train.length <= hp.maxNlpjsExamples);
  let classifier: IntentClassifier;
  let calibration: Calibration;
  let held: HeldOutAccuracy;
  const useCv = heldOut.length === 0 && train.length <= CV_MAX_EXAMPLES && labelSet(train).length >= 2;
  const inner = heldOut.length === 0 && !useCv ? splitExamples(train, 20, 3) : null;
  if (useCv) {
    const cv = await crossValidate(train, hp, withNlpjs, progress, source);
    const oosClass = cv.labels.indexOf(OOS_LABEL);
    calibration = calibrate(cv.scores, oosClass);
    held = scoredAccuracy(cv.scores, calibration, cv.labels);
    const final = await fitMembers(train, hp, calibration.nlpjsWeight > 0, (p) => progress(0.75 + p * 0.2), cv.labels, calibration.semantic && source);
    classifier = assemble(final, calibration, source);
  } else if (inner && inner.heldOut.length > 0) {
    const stage = await fitMembers(inner.train, hp, withNlpjs, (p) => progress(p * 0.45), undefined, source);
    calibration = calibrate(await scoreHeldOut(stage, inner.heldOut, source), stage.labels.indexOf(OOS_LABEL));
    held = await accuracyOn(assemble(stage, calibration, source), inner.heldOut, source);
    const final = await fitMembers(train, hp, calibration.nlpjsWeight > 0, (p) => progress(0.5 + p * 0.45), undefined, calibration.semantic && source);
    classifier = assemble(final, calibration, source);
  } else {
    const members = await fitMembers(train, hp, withNlpjs, (p) => progress(p * 0.9), undefined, source);
    calibration = calibrate(await scoreHeldOut(members, heldOut, source), members.labels.indexOf(OOS_LABEL));
    classifier = assemble(members, calibration, source);
    held = await accuracyOn(classifier, heldOut, source);
  }
  progress(1);
  return {
    classifier,
    metrics: {
      heldOutAccuracy: held.accuracy,
      heldOutExamples: useCv ? train.length : (inner?.heldOut.length ?? heldOut.length),
      perIntent: held.perIntent,
      temperature: calibration.temperature,
      threshold: calibration.threshold,
      nlpjsWeight: calibration.nlpjsWeight,
      semanticWeight: calibration.semantic?.weight ?? 0,
      trainMs: Date.now() - t0,
    },
  };
}
