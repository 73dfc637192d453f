/** nlu/: intents, entities, sentiment and out-of-scope detection for one message. */
export {
  createNluService,
  type NluService,
  type NluServiceDeps,
  type NluStatus,
  type TrainOptions,
  type TrainResult,
} from './service/nlu-service.js';
export { demoIntents } from './demo/demo-intents.js';
export { demoIntentsZh } from './demo/demo-intents-zh.js';
export { analyzeSentiment } from './sentiment/analyze-sentiment.js';
export { createEntityExtractor, type EntityExtractor } from './entities/extractor.js';
export { NluModel } from './model/nlu-model.js';
export { trainNluModel, type TrainInput, type TrainOutput, type TrainMetrics } from './model/train-model.js';
export { evaluateDecider, type EvaluationResult, type Decider } from './model/evaluate.js';
export { DEFAULT_HYPER, type Example, type HyperParams } from './classifier/train-classifier.js';
export { createSlotReader, type SlotReader, type SlotReading } from './entities/slot-reader.js';
