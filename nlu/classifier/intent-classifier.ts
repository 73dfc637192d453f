import { detectLanguage, type IntentScore } from '../../core/index.js';
import { argmax, decide, type ConfidenceRule } from './calibrate.js';
import { rawFeatures } from './features.js';
import { decodeFloats, encodeFloats } from './float-codec.js';
import { blend, LinearModel, softmax } from './linear-model.js';
import { SemanticHead, type SemanticHeadState } from './semantic-head.js';
import { NlpjsMember } from './nlpjs-member.js';
import { Vectorizer, type VectorizerState } from './vectorizer.js';

/** Label of the explicit out-of-scope class (trained when examples with intent null exist). */
export const OOS_LABEL = '__out_of_scope__';
const MAX_ALTERNATIVES = 3;

/** JSON form of a trained classifier. Weights travel as base64 float32: exact and compact. */
export interface ClassifierState {
  labels: string[];
  vectorizer: VectorizerState;
  weights: string;
  bias: number[];
  temperature: number;
  threshold: number;
  /** Share of the NLP.js member in the ensemble (0 = linear only). */
  nlpjsWeight: number;
  nlpjs: string | null;
  /** How the threshold reads confidence; absent in models saved before it existed (they keep 'raw'). */
  confidenceRule?: ConfidenceRule;
  /** Embedding member; absent when the model was trained without an embedding model. */
  semantic?: SemanticHeadState;
  /** Out-of-scope thresholds per language (a bot with utterances in several languages); absent = `threshold` for all. */
  languageThresholds?: Record<string, number>;
}

export interface IntentPrediction {
  intent: IntentScore | null;
  alternatives: IntentScore[];
  outOfScope: boolean;
}

/** Linear TF-IDF model, optionally blended with NLP.js, with calibrated out-of-scope decisions. */
export class IntentClassifier {
  readonly oosClass: number;

  constructor(
    readonly labels: string[],
    readonly vectorizer: Vectorizer,
    readonly linear: LinearModel,
    readonly temperature: number,
    readonly threshold: number,
    readonly nlpjsWeight: number,
    readonly nlpjs: NlpjsMember | null,
    readonly confidenceRule: ConfidenceRule = 'in-scope-share',
    readonly semantic: SemanticHead | null = null,
    readonly languageThresholds: Record<string, number> | null = null,
  ) {
    this.oosClass = labels.indexOf(OOS_LABEL);
  }

  static async fromState(s: ClassifierState): Promise<IntentClassifier> {
    const vectorizer = new Vectorizer(s.vectorizer);
    const linear = new LinearModel(s.labels.length, vectorizer.size, decodeFloats(s.weights), Float32Array.from(s.bias));
    const nlpjs = s.nlpjs ? await NlpjsMember.load(s.nlpjs) : null;
    const semantic = s.semantic ? SemanticHead.fromState(s.semantic, s.labels.length) : null;
    return new IntentClassifier(s.labels, vectorizer, linear, s.temperature, s.threshold, s.nlpjsWeight, nlpjs, s.confidenceRule ?? 'raw', semantic, s.languageThresholds ?? null);
  }

  toState(): ClassifierState {
    return {
      labels: this.labels,
      vectorizer: this.vectorizer.state,
      weights: encodeFloats(this.linear.weights),
      bias: [...this.linear.bias],
      temperature: this.temperature,
      threshold: this.threshold,
      nlpjsWeight: this.nlpjsWeight,
      nlpjs: this.nlpjs && this.nlpjsWeight > 0 ? this.nlpjs.export() : null,
      confidenceRule: this.confidenceRule,
      ...(this.semantic ? { semantic: this.semantic.toState() } : {}),
      ...(this.languageThresholds ? { languageThresholds: this.languageThresholds } : {}),
    };
  }

  /**
   * Calibrated class probabilities: the n-gram model, blended with NLP.js when it takes part and with
   * the semantic member when the model has one and `vector` (the text's embedding) is given.
   */
  async probabilities(text: string, vector: Float32Array | null = null): Promise<Float64Array> {
    let p = softmax(this.linear.logits(this.vectorizer.transform(rawFeatures(text))), this.temperature);
    if (this.nlpjs && this.nlpjsWeight > 0) p = blend(p, await this.nlpjs.scores(text, this.labels.length), this.nlpjsWeight);
    return this.semantic && vector ? this.semantic.apply(p, vector) : p;
  }

  /** Without the text's embedding, a model with a semantic member decides with its lexical-only threshold. */
  private thresholdFor(vector: Float32Array | null, text: string): number {
    if (this.semantic && !vector) return this.semantic.lexicalThreshold;
    return (this.languageThresholds && this.languageThresholds[detectLanguage(text)]) ?? this.threshold;
  }

  async predict(text: string, vector: Float32Array | null = null): Promise<IntentPrediction> {
    const p = await this.probabilities(text, vector);
    const chosen = decide(p, this.oosClass, this.thresholdFor(vector, text), this.confidenceRule);
    const ranked: IntentScore[] = [];
    const order = [...p.keys()].filter((k) => k !== this.oosClass).sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
    for (const k of order.slice(0, MAX_ALTERNATIVES + 1)) {
      ranked.push({ name: this.labels[k] ?? '', confidence: clamp01(p[k] ?? 0) });
    }
    if (chosen < 0) return { intent: null, alternatives: ranked.slice(0, MAX_ALTERNATIVES), outOfScope: true };
    return { intent: ranked[0] ?? null, alternatives: ranked.slice(1, MAX_ALTERNATIVES + 1), outOfScope: false };
  }

  /** The decided class index (-1 = out of scope), for evaluation. */
  async decideIndex(text: string, vector: Float32Array | null = null): Promise<number> {
    return decide(await this.probabilities(text, vector), this.oosClass, this.thresholdFor(vector, text), this.confidenceRule);
  }
}

function clamp01(v: number): number {
  return Math.max(0, Math.min(1, Number(v.toFixed(6))));
}

export { argmax, blend };
