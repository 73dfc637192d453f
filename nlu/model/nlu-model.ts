import { ParleyError, type EntityDefinition, type NluAnalysis } from '../../core/index.js';
import { IntentClassifier, type ClassifierState } from '../classifier/intent-classifier.js';
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

/** A loaded model: classifier + entity extractor + sentiment, answering one message at a time. */
export class NluModel {
  private constructor(
    readonly version: string,
    readonly createdAt: string,
    readonly intents: string[],
    readonly classifier: IntentClassifier,
    readonly entityDefinitions: EntityDefinition[],
    readonly entities: EntityExtractor,
  ) {}

  static async create(meta: Omit<SerializedModel, 'format' | 'classifier'>, classifier: IntentClassifier): Promise<NluModel> {
    return new NluModel(meta.version, meta.createdAt, meta.intents, classifier, meta.entities, createEntityExtractor(meta.entities));
  }

  /** Parses persisted JSON; any defect becomes ERR_MODEL_LOAD with the reason. */
  static async load(data: string): Promise<NluModel> {
    try {
      const s = JSON.parse(data) as SerializedModel;
      if (s.format !== MODEL_FORMAT) throw new Error(`unknown model format ${String(s.format)}`);
      if (!s.classifier || !Array.isArray(s.classifier.labels)) throw new Error('model has no classifier');
      const classifier = await IntentClassifier.fromState(s.classifier);
      if (classifier.linear.weights.length !== classifier.labels.length * classifier.vectorizer.size) {
        throw new Error('weight matrix does not match labels x features');
      }
      return NluModel.create(s, classifier);
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

  async analyze(text: string): Promise<NluAnalysis> {
    const prediction = await this.classifier.predict(text);
    return {
      ...prediction,
      entities: this.entities.extract(text),
      sentiment: analyzeSentiment(text),
      modelVersion: this.version,
    };
  }
}
