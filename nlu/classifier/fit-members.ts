import { BACKGROUND_OUT_OF_SCOPE } from './background-oos.js';
import { rawFeatures } from './features.js';
import { OOS_LABEL } from './intent-classifier.js';
import type { LinearModel } from './linear-model.js';
import { labelUtterances } from './label-utterances.js';
import { NlpjsMember } from './nlpjs-member.js';
import { trainSemantic, type SemanticSource } from './semantic-member.js';
import { trainLinear } from './train-linear.js';
import type { Example, HyperParams, Progress } from './train-types.js';
import { Vectorizer } from './vectorizer.js';

const MIN_STEPS = 30000;
const MAX_EPOCHS = 100;
const MAX_BACKGROUND_SIMILARITY = 0.35;

/** The trained ensemble members before calibration. */
export interface Members {
  labels: string[];
  index: Map<string, number>;
  vectorizer: Vectorizer;
  linear: LinearModel;
  nlpjs: NlpjsMember | null;
  /** Softmax head over sentence embeddings, when the deployment has an embedding model. */
  semantic: LinearModel | null;
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

/** Class labels of a training set: its intents, sorted, plus the out-of-scope class when there is one to learn. */
export function labelSet(data: Example[]): string[] {
  const intents = [...new Set(data.filter((e) => e.intent !== null).map((e) => e.intent as string))].sort();
  const oos = data.some((e) => e.intent === null) || unlikeTraining(data, BACKGROUND_OUT_OF_SCOPE.filter((_, i) => i % 2 === 0)).length > 0;
  return oos ? [...intents, OOS_LABEL] : intents;
}

/** `labels` fixes the class order (cross-validation folds must share it); by default it comes from `data`. */
export async function fitMembers(
  data: Example[],
  hp: HyperParams,
  withNlpjs: boolean,
  progress: Progress,
  fixedLabels?: string[],
  semanticSource?: SemanticSource,
): Promise<Members> {
  // Without out-of-scope examples of its own, the model learns half of the background set as an
  // out-of-scope class (the other half stays for calibration): function words like "what is the"
  // then stop pointing at whichever intent happens to use them most.
  const ownOos = data.some((e) => e.intent === null);
  const background = ownOos || (fixedLabels && !fixedLabels.includes(OOS_LABEL)) ? [] : unlikeTraining(data, BACKGROUND_OUT_OF_SCOPE.filter((_, i) => i % 2 === 0));
  const intents = [...new Set(data.filter((e) => e.intent !== null).map((e) => e.intent as string))].sort();
  // Fold models of a cross-validation get every intent's name, even one whose utterances all sit in the held-back fold.
  const named = hp.intentNames ? labelUtterances((fixedLabels ?? intents).filter((l) => l !== OOS_LABEL)) : [];
  const own = [...data, ...named];
  const train = [...own, ...background.map((text) => ({ text, intent: null }))];
  const labels = fixedLabels ?? (train.some((e) => e.intent === null) ? [...intents, OOS_LABEL] : intents);
  const index = new Map(labels.map((l, i) => [l, i]));
  const raws = train.map((e) => rawFeatures(e.text));
  const vectorizer = Vectorizer.fit(raws);
  const xs = raws.map((r) => vectorizer.transform(r));
  const ys = Int32Array.from(train.map((e) => index.get(e.intent ?? OOS_LABEL) ?? 0));
  // The background class weighs as much as an average intent, however many sentences it has.
  const backgroundWeight = background.length ? data.length / Math.max(1, intents.length) / background.length : 1;
  // Skewed bots (one intent with most of the utterances) would otherwise pull every doubtful message into that
  // intent: an example weighs sqrt(average intent size / its intent's size), bounded to [0.5, 2].
  const sizes = new Map<string, number>();
  for (const e of own) if (e.intent !== null) sizes.set(e.intent, (sizes.get(e.intent) ?? 0) + 1);
  const average = own.length / Math.max(1, sizes.size);
  const balance = (intent: string | null) => (intent === null ? 1 : Math.min(2, Math.max(0.5, Math.sqrt(average / (sizes.get(intent) ?? average)))));
  const sampleWeights = Float32Array.from(train.map((e, i) => (i >= own.length ? Math.min(1, backgroundWeight) : balance(e.intent))));
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
  // Small bots get the same minimum number of updates as the n-gram model.
  const semanticEpochs = Math.min(MAX_EPOCHS, Math.max(hp.semanticEpochs, Math.ceil(MIN_STEPS / Math.max(1, train.length))));
  const trainOpts = { epochs: semanticEpochs, learningRate: hp.learningRate, l2: hp.l2, seed: hp.seed, weights: sampleWeights };
  const semantic = semanticSource ? trainSemantic(await semanticSource.embed(train.map((e) => e.text)), ys, labels.length, trainOpts) : null;
  progress(0.92);
  return { labels, index, vectorizer, linear, nlpjs, semantic };
}

