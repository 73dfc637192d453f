import { decodeFloats, encodeFloats } from './float-codec.js';
import { blend, LinearModel, softmax } from './linear-model.js';
import { denseInput } from './semantic-member.js';

/** JSON form of the embedding member of a trained classifier. */
export interface SemanticHeadState {
  /** Embedding model the head was trained on: vectors of any other model mean nothing to it. */
  model: string;
  dims: number;
  weights: string;
  bias: number[];
  temperature: number;
  /** Share of this member in the final blend. */
  weight: number;
  /** Out-of-scope threshold calibrated for the blend without this member (no embedder at analysis time). */
  lexicalThreshold: number;
}

/** The trained embedding member plus how it joins the ensemble. */
export class SemanticHead {
  constructor(
    readonly model: string,
    readonly linear: LinearModel,
    readonly temperature: number,
    readonly weight: number,
    readonly lexicalThreshold: number,
  ) {}

  static fromState(s: SemanticHeadState, classes: number): SemanticHead {
    const weights = decodeFloats(s.weights);
    if (weights.length !== s.dims * classes || s.bias.length !== classes) throw new Error('semantic member does not match labels x dimensions');
    return new SemanticHead(s.model, new LinearModel(classes, s.dims, weights, Float32Array.from(s.bias)), s.temperature, s.weight, s.lexicalThreshold);
  }

  toState(): SemanticHeadState {
    return {
      model: this.model,
      dims: this.linear.rows,
      weights: encodeFloats(this.linear.weights),
      bias: [...this.linear.bias],
      temperature: this.temperature,
      weight: this.weight,
      lexicalThreshold: this.lexicalThreshold,
    };
  }

  probabilities(vector: Float32Array): Float64Array {
    if (vector.length !== this.linear.rows) throw new Error(`embedding has ${vector.length} dimensions, the semantic member ${this.linear.rows}`);
    return softmax(this.linear.logits(denseInput(vector)), this.temperature);
  }

  /** The lexical ensemble's probabilities with this member blended in. */
  apply(lexical: Float64Array, vector: Float32Array): Float64Array {
    return blend(lexical, this.probabilities(vector), this.weight);
  }
}
