import { Lru, ParleyError, type Bus, type Embedder, type IntentStore, type NluAnalysis, type NluModelStore, type Understander, type Logger } from '../../core/index.js';
import type { Example, HyperParams } from '../classifier/train-classifier.js';
import { createEntityExtractor } from '../entities/extractor.js';
import { evaluateDecider, type EvaluationResult } from '../model/evaluate.js';
import { NluModel, type SemanticStatus } from '../model/nlu-model.js';
import type { TrainMetrics } from '../model/train-model.js';
import { analyzeSentiment } from '../sentiment/analyze-sentiment.js';
import { runTraining, type TrainerMode } from '../training/run-training.js';
import { loggedEmbedder } from './logged-embedder.js';
import { createModelSync } from './model-sync.js';

/** The core Logger; the NLU writes only info and warnings. */
export type NluLog = Pick<Logger, 'info' | 'warn'>;

export interface NluServiceDeps {
  intents: IntentStore;
  models: NluModelStore;
  logger?: NluLog;
  /** 'worker' (default) trains in a worker thread. */
  trainer?: TrainerMode;
  /** Several nodes: a model activated on one is loaded by the others. */
  bus?: Bus;
  /** The node's sentence embedder, when an embedding model is installed: models then train and use a semantic member. */
  embedder?: Embedder | null;
}

export interface TrainOptions {
  onProgress?(p: number): void;
  /** Largest drop in held-back accuracy accepted before the live model is kept (default 0.02). */
  regressionMargin?: number;
  /** Training settings (evaluation and tests); defaults suit every data set. */
  hyper?: Partial<HyperParams>;
}

export interface TrainResult {
  activated: boolean;
  version: string;
  reason?: string;
  metrics: TrainMetrics & { liveHeldOutAccuracy: number | null };
}

export interface NluStatus {
  modelVersion: string | null;
  trainedAt: string | null;
  intents: number;
  training: boolean;
  metrics?: Record<string, unknown>;
  /** The live model's sentence-embedding member: active, absent, or unavailable on this node (and why). */
  semantic: SemanticStatus;
}

export interface NluService extends Understander {
  analyze(text: string): Promise<NluAnalysis>;
  train(opts?: TrainOptions): Promise<TrainResult>;
  status(): NluStatus;
  /** Scores the live model on labelled utterances (intent null = should be declined). */
  evaluate(examples: Example[]): Promise<EvaluationResult>;
  /** Reloads the active model from the store; a model that fails to load leaves the current one serving. */
  reload(): Promise<void>;
}

/** Distinct recent texts whose analyses are kept (a few MB at most). */
const ANALYSIS_CACHE_SIZE = 5000;

const noopLogger: NluLog = { info: () => undefined, warn: () => undefined };
const fallbackEntities = createEntityExtractor();

export async function createNluService(deps: NluServiceDeps): Promise<NluService> {
  const log = deps.logger ?? noopLogger;
  const embedder = deps.embedder ? loggedEmbedder(deps.embedder, (o, msg) => log.warn(o, msg)) : null;
  let live: NluModel | null = null;
  let liveMetrics: Record<string, unknown> | undefined;
  let training = false;

  async function reload(): Promise<void> {
    const record = await deps.models.active();
    if (!record || record.version === live?.version) return;
    try {
      live = await NluModel.load(record.data, embedder);
      liveMetrics = record.metrics;
      log.info({ version: record.version, semantic: live.semantic }, 'nlu model loaded');
      if (live.semantic.state === 'unavailable') log.warn({ version: record.version, ...live.semantic }, 'nlu model has a semantic member this node cannot use: it decides with its lexical calibration until retrained or the model is installed');
    } catch (err) {
      const reason = err instanceof ParleyError ? err.details?.reason : String(err);
      log.warn({ version: record.version, reason, serving: live?.version ?? null }, 'nlu model failed to load; keeping the previous one');
    }
  }

  const sync = createModelSync(deps.bus, log, () => live?.version ?? null, reload);

  // Customers ask the same things: analyses are cached per text and per live model version (a new model never
  // sees an old analysis) and per UTC day (relative dates such as "tomorrow" resolve against today).
  const cache = new Lru<string, { version: string; result: NluAnalysis }>(ANALYSIS_CACHE_SIZE);
  async function analyze(text: string): Promise<NluAnalysis> {
    const safe = typeof text === 'string' ? text : '';
    const model = live;
    if (model) {
      const key = `${new Date().toISOString().slice(0, 10)}\u0000${safe}`;
      const hit = cache.get(key);
      if (hit && hit.version === model.version) return hit.result;
      const result = await model.analyze(safe);
      if (live === model) cache.set(key, { version: model.version, result });
      return result;
    }
    return {
      intent: null,
      alternatives: [],
      entities: fallbackEntities.extract(safe),
      sentiment: analyzeSentiment(safe),
      outOfScope: true,
      modelVersion: null,
    };
  }

  async function decideWith(model: NluModel, examples: Example[]): Promise<EvaluationResult> {
    return evaluateDecider(async (t) => (await model.predict(t)).intent?.name ?? null, examples);
  }

  async function train(opts: TrainOptions = {}): Promise<TrainResult> {
    if (training) throw new ParleyError('ERR_NLU_TRAINING_RUNNING');
    training = true;
    try {
      const [intents, entities] = await Promise.all([deps.intents.listIntents(), deps.intents.listEntities()]);
      let output;
      let candidate: NluModel;
      try {
        const semanticModel = embedder?.info().model;
        const embed = embedder?.embed;
        output = await runTraining({ intents, entities, hyper: opts.hyper, semanticModel }, (p) => opts.onProgress?.(p), deps.trainer, embed);
        candidate = await NluModel.load(output.data, embedder);
      } catch (err) {
        const reason = err instanceof ParleyError ? String(err.details?.reason ?? err.code) : err instanceof Error ? err.message : String(err);
        log.warn({ reason }, 'nlu training failed; the live model keeps serving');
        throw new ParleyError('ERR_NLU_TRAINING_FAILED', { reason });
      }
      const margin = opts.regressionMargin ?? 0.02;
      const current = live;
      const liveAcc = current && output.heldOut.length > 0 ? (await decideWith(current, output.heldOut)).accuracy : null;
      const metrics = { ...output.metrics, liveHeldOutAccuracy: liveAcc };
      const newAcc = output.metrics.heldOutAccuracy;
      const record = { version: output.version, createdAt: output.createdAt, data: output.data, metrics };
      if (liveAcc !== null && newAcc !== null && newAcc < liveAcc - margin) {
        await deps.models.save(record);
        const reason = `held-back accuracy ${newAcc.toFixed(3)} is below the live model's ${liveAcc.toFixed(3)} by more than ${margin}`;
        log.warn({ version: output.version, newAcc, liveAcc }, 'nlu model kept back by the regression check');
        return { activated: false, version: output.version, reason, metrics };
      }
      await deps.models.save(record);
      await deps.models.activate(output.version);
      live = candidate;
      liveMetrics = metrics;
      log.info({ version: output.version, heldOutAccuracy: newAcc, trainMs: metrics.trainMs }, 'nlu model trained and activated');
      sync.announce(output.version);
      return { activated: true, version: output.version, metrics };
    } finally {
      training = false;
    }
  }

  try {
    await reload();
  } catch (err) {
    // A store that is down at boot must not stop chats: serve untrained until reload() succeeds.
    log.warn({ reason: err instanceof Error ? err.message : String(err) }, 'nlu model store unavailable at start');
  }
  return {
    analyze,
    train,
    reload,
    status: () => ({
      modelVersion: live?.version ?? null,
      trainedAt: live?.createdAt ?? null,
      intents: live?.intents.length ?? 0,
      training,
      ...(liveMetrics ? { metrics: liveMetrics } : {}),
      semantic: live?.semantic ?? { state: 'none' },
    }),
    evaluate: async (examples) => {
      if (!live) throw new ParleyError('ERR_NLU_NOT_TRAINED');
      return decideWith(live, examples);
    },
  };
}
