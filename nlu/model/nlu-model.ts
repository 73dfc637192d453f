import { ParleyError, type Embedder, type EntityDefinition, type NluAnalysis } from '../../core/index.js';
import { IntentClassifier, type ClassifierState, type IntentPrediction } from '../classifier/intent-classifier.js';
import { createEntityExtractor, type EntityExtractor } from '../entities/extractor.js';
import { analyzeSentiment } from '../sentiment/analyze-sentiment.js';

export const MODEL_FORMAT = 'parley-nlu/1';

/** What is persisted through NluModelStore.data. */
export interface SerializedModel {
  format: typeof MODEL_FORMAT;
  version: string;
  createdAt: string;
  intents: string[];
  classifier: ClassifierState;
  entities: EntityDefinition[];
}

/** Whether the model's sentence-embedding member takes part in analysis, and if not, why. */
export type SemanticStatus = { state: 'active'; model: string } | { state: 'none' } | { state: 'unavailable'; model: string; reason: string };

function semanticStatus(classifier: IntentClassifier, embedder: Embedder | null): SemanticStatus {
  const head = classifier.semantic;
  if (!head) return { state: 'none' };
  if (!embedder) return { state: 'unavailable', model: head.model, reason: 'no embedding model is installed on this node' };
  const running = embedder.info();
  if (running.model !== head.model) return { state: 'unavailable', model: head.model, reason: `this node runs ${running.model}` };
  if (running.dimensions !== head.linear.rows) return { state: 'unavailable', model: head.model, reason: `dimensions differ (${running.dimensions})` };
  return { state: 'active', model: head.model };
}

/** A loaded model: classifier + entity extractor + sentiment, answering one message at a time. */
export class NluModel {
  /** Without an active semantic member the classifier decides with its lexical-only calibration. */
  readonly semantic: SemanticStatus;

  private constructor(
    readonly version: string,
    readonly createdAt: string,
    readonly intents: string[],
    readonly classifier: IntentClassifier,
    readonly entityDefinitions: EntityDefinition[],
    readonly entities: EntityExtractor,
    private readonly embedder: Embedder | null,
  ) {
    this.semantic = semanticStatus(classifier, embedder);
  }

  static async create(meta: Omit<SerializedModel, 'format' | 'classifier'>, classifier: IntentClassifier, embedder: Embedder | null = null): Promise<NluModel> {
    return new NluModel(meta.version, meta.createdAt, meta.intents, classifier, meta.entities, createEntityExtractor(meta.entities), embedder);
  }

  /** Parses persisted JSON; any defect becomes ERR_MODEL_LOAD with the reason. */
  static async load(data: string, embedder: Embedder | null = null): Promise<NluModel> {
    try {
      const s = JSON.parse(data) as SerializedModel;
      if (s.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(s.format)}`);
      if (!s.classifier || !Array.isArray(s.classifier.labels)) throw new Error('model has no classifier');
      const classifier = await IntentClassifier.fromState(s.classifier);
      if (classifier.linear.weights.length !== classifier.labels.length * classifier.vectorizer.size) {
        throw new Error('weight matrix does not match labels x features');
      }
      return NluModel.create(s, classifier, embedder);
    } catch (err) {
      if (err instanceof ParleyError) throw err;
      throw new ParleyError('ERR_MODEL_LOAD', { reason: err instanceof Error ? err.message : String(err) });
    }
  }

  serialize(): string {
    const s: SerializedModel = {
      format: MODEL_FORMAT,
      version: this.version,
      createdAt: this.createdAt,
      intents: this.intents,
      classifier: this.classifier.toState(),
      entities: this.entityDefinitions,
    };
    return JSON.stringify(s);
  }

  /** The text's sentence embedding when the semantic member is active; null otherwise or if the embedder fails. */
  async embedding(text: string): Promise<Float32Array | null> {
    if (this.semantic.state !== 'active' || !this.embedder) return null;
    // A failed embedding must not fail the customer's turn: the lexical calibration decides that message.
    return (await this.embedder.embed([text]).catch(() => []))[0] ?? null;
  }

  async predict(text: string): Promise<IntentPrediction> {
    return this.classifier.predict(text, await this.embedding(text));
  }

  async analyze(text: string): Promise<NluAnalysis> {
    const prediction = await this.predict(text);
    return {
      ...prediction,
      entities: this.entities.extract(text),
      sentiment: analyzeSentiment(text),
      modelVersion: this.version,
    };
  }
}
