import { BACKGROUND_OUT_OF_SCOPE } from './background-oos.js';
import { argmax, chooseThreshold, fitTemperature, type HeldOutPrediction } from './calibrate.js';
import { rawFeatures } from './features.js';
import { blend, IntentClassifier, OOS_LABEL } from './intent-classifier.js';
import { softmax } from './linear-model.js';
import { NlpjsMember } from './nlpjs-member.js';
import { splitExamples } from './split.js';
import type { LinearModel } from './linear-model.js';
import { trainLinear } from './train-linear.js';
import { Vectorizer } from './vectorizer.js';

/** One labelled utterance; intent null = out of scope. */
export interface Example {
  text: string;
  intent: string | null;
}

export interface HyperParams {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** NLP.js member: 'auto' uses it while its training stays affordable (see maxNlpjsExamples). */
  nlpjs: 'auto' | 'on' | 'off';
  maxNlpjsExamples: number;
}

export const DEFAULT_HYPER: HyperParams = {
  epochs: 10,
  learningRate: 3,
  l2: 1e-6,
  seed: 7,
  nlpjs: 'auto',
  // NLP.js training grows steeply with data (minutes for 15k utterances); above this it sits out.
  maxNlpjsExamples: 3000,
};

export interface ClassifierMetrics {
  /** Share of held-back utterances decided correctly (declining an out-of-scope one counts as correct). */
  heldOutAccuracy: number | null;
  heldOutExamples: number;
  temperature: number;
  threshold: number;
  nlpjsWeight: number;
  trainMs: number;
}

const BLEND_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Background out-of-scope messages weigh as if a fifth of traffic were off-topic. */
const BACKGROUND_SHARE = 0.25;

const MIN_STEPS = 30000;
const MAX_BACKGROUND_SIMILARITY = 0.35;
const MAX_EPOCHS = 100;

type Progress = (p: number) => void;

interface Members {
  labels: string[];
  index: Map<string, number>;
  vectorizer: Vectorizer;
  linear: LinearModel;
  nlpjs: NlpjsMember | null;
}

interface Calibration {
  temperature: number;
  threshold: number;
  nlpjsWeight: number;
}

/**
 * Background off-topic messages the bot's own utterances do not resemble:
 * a bot about weather must not learn "what is the weather like" as out of scope.
 */
function unlikeTraining(train: Example[], texts: readonly string[]): string[] {
  const raws = train.map((e) => rawFeatures(e.text));
  const vectorizer = Vectorizer.fit(raws);
  const vecs = raws.map((r) => vectorizer.transform(r));
  return texts.filter((t) => {
    const v = vectorizer.transform(rawFeatures(t));
    return !vecs.some((u) => cosine(u, v) >= MAX_BACKGROUND_SIMILARITY);
  });
}

function cosine(a: { rows: Int32Array; vals: Float32Array }, b: { rows: Int32Array; vals: Float32Array }): number {
  const m = new Map<number, number>();
  a.rows.forEach((r, i) => m.set(r, (m.get(r) ?? 0) + (a.vals[i] ?? 0)));
  let dot = 0;
  b.rows.forEach((r, i) => (dot += (m.get(r) ?? 0) * (b.vals[i] ?? 0)));
  return dot;
}

async function fitMembers(data: Example[], hp: HyperParams, withNlpjs: boolean, progress: Progress): Promise<Members> {
  // Without out-of-scope examples of its own, the model learns half of the background set as an
  // out-of-scope class (the other half stays for calibration): function words like "what is the"
  // then stop pointing at whichever intent happens to use them most.
  const ownOos = data.some((e) => e.intent === null);
  const background = ownOos ? [] : unlikeTraining(data, BACKGROUND_OUT_OF_SCOPE.filter((_, i) => i % 2 === 0));
  const train = [...data, ...background.map((text) => ({ text, intent: null }))];
  const intents = [...new Set(train.filter((e) => e.intent !== null).map((e) => e.intent as string))].sort();
  const labels = train.some((e) => e.intent === null) ? [...intents, OOS_LABEL] : intents;
  const index = new Map(labels.map((l, i) => [l, i]));
  const raws = train.map((e) => rawFeatures(e.text));
  const vectorizer = Vectorizer.fit(raws);
  const xs = raws.map((r) => vectorizer.transform(r));
  const ys = Int32Array.from(train.map((e) => index.get(e.intent ?? OOS_LABEL) ?? 0));
  // The background class weighs as much as an average intent, however many sentences it has.
  const backgroundWeight = background.length ? data.length / Math.max(1, intents.length) / background.length : 1;
  const sampleWeights = Float32Array.from(train.map((_, i) => (i >= data.length ? Math.min(1, backgroundWeight) : 1)));
  progress(0.05);
  const linearShare = withNlpjs ? 0.6 : 0.85;
  // Small bots need more passes: at least MIN_STEPS updates in total, whatever the data size.
  const epochs = Math.min(MAX_EPOCHS, Math.max(hp.epochs, Math.ceil(MIN_STEPS / Math.max(1, train.length))));
  const linear = trainLinear(xs, ys, labels.length, vectorizer.size, {
    epochs,
    learningRate: hp.learningRate,
    l2: hp.l2,
    seed: hp.seed,
    weights: sampleWeights,
    onEpoch: (done, total) => progress(0.05 + linearShare * (done / total)),
  });
  const inScope = train.flatMap((e) => (e.intent === null ? [] : [{ text: e.text, label: index.get(e.intent) ?? 0 }]));
  const nlpjs = withNlpjs && inScope.length > 0 ? await NlpjsMember.train(inScope) : null;
  progress(0.92);
  return { labels, index, vectorizer, linear, nlpjs };
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
