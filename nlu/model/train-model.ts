import { newId, type EntityDefinition, type Intent } from '../../core/index.js';
import type { SemanticSource } from '../classifier/semantic-member.js';
import { trainClassifier, type ClassifierMetrics, type Example, type HyperParams } from '../classifier/train-classifier.js';
import { splitHeldOut } from './held-out.js';
import { NluModel } from './nlu-model.js';

export interface TrainInput {
  intents: Intent[];
  entities: EntityDefinition[];
  hyper?: Partial<HyperParams>;
  /** Embedding model to train the semantic member on (the trainer asks its host for the vectors). */
  semanticModel?: string;
}

export interface TrainMetrics extends ClassifierMetrics {
  intents: number;
  trainExamples: number;
}

/** Plain data (crosses the worker boundary by structured clone). */
export interface TrainOutput {
  version: string;
  createdAt: string;
  data: string;
  metrics: TrainMetrics;
  heldOut: Example[];
}

/** Trains a complete model from store content; pure CPU work, run in a worker thread by the service. */
export async function trainNluModel(
  input: TrainInput,
  onProgress: (p: number) => void = () => undefined,
  semantic?: SemanticSource,
): Promise<TrainOutput> {
  const intents = input.intents.filter((i) => i.utterances.some((u) => u.trim().length > 0));
  if (intents.length === 0) throw new Error('no intent has utterances');
  const { train, heldOut } = splitHeldOut(intents);
  const { classifier, metrics } = await trainClassifier(train, heldOut, { hyper: input.hyper, onProgress: (p) => onProgress(p * 0.97), semantic });
  const createdAt = new Date().toISOString();
  const model = await NluModel.create(
    { version: `nlu-${newId()}`, createdAt, intents: intents.map((i) => i.name), entities: input.entities },
    classifier,
  );
  const data = model.serialize();
  onProgress(1);
  return {
    version: model.version,
    createdAt,
    data,
    metrics: { ...metrics, intents: intents.length, trainExamples: train.length },
    heldOut,
  };
}
