import type { IntentScore } from '../../core/index.js';
import { argmax, decide, type ConfidenceRule } from './calibrate.js';
import { rawFeatures } from './features.js';
import { LinearModel, softmax } from './linear-model.js';
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
}

export interface IntentPrediction {
  intent: IntentScore | null;
  alternatives: IntentScore[];
  outOfScope: boolean;
}

export function encodeFloats(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function decodeFloats(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
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
  ) {
    this.oosClass = labels.indexOf(OOS_LABEL);
  }

  static async fromState(s: ClassifierState): Promise<IntentClassifier> {
    const vectorizer = new Vectorizer(s.vectorizer);
    const linear = new LinearModel(s.labels.length, vectorizer.size, decodeFloats(s.weights), Float32Array.from(s.bias));
    const nlpjs = s.nlpjs ? await NlpjsMember.load(s.nlpjs) : null;
    return new IntentClassifier(s.labels, vectorizer, linear, s.temperature, s.threshold, s.nlpjsWeight, nlpjs, s.confidenceRule ?? 'raw');
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
    };
  }

  /** Calibrated class probabilities (the ensemble blend when NLP.js takes part). */
  async probabilities(text: string): Promise<Float64Array> {
    const p = softmax(this.linear.logits(this.vectorizer.transform(rawFeatures(text))), this.temperature);
    if (!this.nlpjs || this.nlpjsWeight <= 0) return p;
    return blend(p, await this.nlpjs.scores(text, this.labels.length), this.nlpjsWeight);
  }

  async predict(text: string): Promise<IntentPrediction> {
    const p = await this.probabilities(text);
    const chosen = decide(p, this.oosClass, this.threshold, this.confidenceRule);
    const ranked: IntentScore[] = [];
    const order = [...p.keys()].filter((k) => k !== this.oosClass).sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
    for (const k of order.slice(0, MAX_ALTERNATIVES + 1)) {
      ranked.push({ name: this.labels[k] ?? '', confidence: clamp01(p[k] ?? 0) });
    }
    if (chosen < 0) return { intent: null, alternatives: ranked.slice(0, MAX_ALTERNATIVES), outOfScope: true };
    return { intent: ranked[0] ?? null, alternatives: ranked.slice(1, MAX_ALTERNATIVES + 1), outOfScope: false };
  }

  /** The decided class index (-1 = out of scope), for evaluation. */
  async decideIndex(text: string): Promise<number> {
    return decide(await this.probabilities(text), this.oosClass, this.threshold, this.confidenceRule);
  }
}

/** Linear blend; NLP.js scores are renormalised over the known classes. */
export function blend(linear: Float64Array, other: Float64Array, weight: number): Float64Array {
  let sum = 0;
  for (const v of other) sum += v;
  const out = new Float64Array(linear.length);
  for (let k = 0; k < linear.length; k++) {
    const o = sum > 0 ? (other[k] ?? 0) / sum : 0;
    out[k] = sum > 0 ? (1 - weight) * (linear[k] ?? 0) + weight * o : (linear[k] ?? 0);
  }
  return out;
}

function clamp01(v: number): number {
  return Math.max(0, Math.min(1, Number(v.toFixed(6))));
}

export { argmax };
