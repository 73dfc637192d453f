import { BACKGROUND_OUT_OF_SCOPE } from './background-oos.js';
import { argmax, chooseThreshold, fitTemperature, type HeldOutPrediction } from './calibrate.js';
import { rawFeatures } from './features.js';
import { fitMembers, type Members } from './fit-members.js';
import { blend, IntentClassifier, OOS_LABEL } from './intent-classifier.js';
import { softmax } from './linear-model.js';
import { splitExamples } from './split.js';
import { DEFAULT_HYPER, type ClassifierMetrics, type Example, type HyperParams, type Progress } from './train-types.js';

export { DEFAULT_HYPER, type ClassifierMetrics, type Example, type HyperParams } from './train-types.js';

const BLEND_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Background out-of-scope messages weigh as if a fifth of traffic were off-topic. */
const BACKGROUND_SHARE = 0.25;

interface Calibration {
  temperature: number;
  threshold: number;
  nlpjsWeight: number;
}

/** Temperature, blend weight and out-of-scope threshold, all chosen on held-back utterances. */
async function calibrate(m: Members, heldOut: Example[]): Promise<Calibration> {
  const texts = heldOut.map((e) => e.text);
  const truths = heldOut.map((e) => (e.intent === null ? -1 : (m.index.get(e.intent) ?? -2)));
  const weights = heldOut.map(() => 1);
  const realOos = heldOut.some((e) => e.intent === null);
  if (!realOos) {
    const background = BACKGROUND_OUT_OF_SCOPE.filter((_, i) => i % 2 === 1);
    const w = (BACKGROUND_SHARE * heldOut.length) / background.length;
    for (const t of background) {
      texts.push(t);
      truths.push(-1);
      weights.push(w);
    }
  }
  const logits = texts.map((t) => m.linear.logits(m.vectorizer.transform(rawFeatures(t))));
  const temperature = fitTemperature(logits, truths, weights, m.labels.indexOf(OOS_LABEL));
  const linearProbs = logits.map((l) => softmax(Float64Array.from(l), temperature));
  let nlpjsWeight = 0;
  let probs = linearProbs;
  if (m.nlpjs) {
    const nlpjs = m.nlpjs;
    const other = await Promise.all(texts.map((t) => nlpjs.scores(t, m.labels.length)));
    // Log loss, not accuracy: on a small held-back set accuracy ties almost always.
    let bestLoss = Infinity;
    for (const w of BLEND_WEIGHTS) {
      const blended = linearProbs.map((p, i) => blend(p, other[i] as Float64Array, w));
      let loss = 0;
      blended.forEach((p, i) => {
        const y = truths[i] ?? -1;
        if (y >= 0) loss -= Math.log(Math.max(1e-9, p[y] ?? 0));
      });
      if (loss < bestLoss - 1e-9) {
        bestLoss = loss;
        nlpjsWeight = w;
        probs = blended;
      }
    }
  }
  const preds: HeldOutPrediction[] = probs.map((p, i) => ({ probs: p, truth: truths[i] ?? -1, weight: weights[i] ?? 1 }));
  const swept = chooseThreshold(preds, m.labels.indexOf(OOS_LABEL));
  // Background messages are not this bot's traffic: they may lower the bar, never lift it above
  // 0.5, where a calibrated answer stops being more likely right than wrong.
  const threshold = realOos ? swept : Math.min(swept, 0.5);
  return { temperature, nlpjsWeight, threshold };
}


function assemble(m: Members, c: Calibration): IntentClassifier {
  return new IntentClassifier(m.labels, m.vectorizer, m.linear, c.temperature, c.threshold, c.nlpjsWeight, c.nlpjsWeight > 0 ? m.nlpjs : null);
}

async function accuracyOn(classifier: IntentClassifier, examples: Example[]): Promise<number | null> {
  if (examples.length === 0) return null;
  let correct = 0;
  for (const e of examples) {
    const truth = e.intent === null ? -1 : classifier.labels.indexOf(e.intent);
    if ((await classifier.decideIndex(e.text)) === truth) correct++;
  }
  return correct / examples.length;
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
  let heldOutAccuracy: number | null;
  const inner = heldOut.length === 0 ? splitExamples(train, 20, 3) : null;
  if (inner && inner.heldOut.length > 0) {
    const stage = await fitMembers(inner.train, hp, withNlpjs, (p) => progress(p * 0.45));
    calibration = await calibrate(stage, inner.heldOut);
    heldOutAccuracy = await accuracyOn(assemble(stage, calibration), inner.heldOut);
    const final = await fitMembers(train, hp, calibration.nlpjsWeight > 0, (p) => progress(0.5 + p * 0.45));
    classifier = assemble(final, calibration);
  } else {
    const members = await fitMembers(train, hp, withNlpjs, (p) => progress(p * 0.9));
    calibration = await calibrate(members, heldOut);
    classifier = assemble(members, calibration);
    heldOutAccuracy = await accuracyOn(classifier, heldOut);
  }
  progress(1);
  return {
    classifier,
    metrics: { heldOutAccuracy, heldOutExamples: inner?.heldOut.length ?? heldOut.length, ...calibration, trainMs: Date.now() - t0 },
  };
}
