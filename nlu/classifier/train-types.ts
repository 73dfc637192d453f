import type { IntentTally } from './held-out-accuracy.js';

/** Shared training types and defaults. */
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
  /** Each intent's name in words joins its training utterances (see label-utterances.ts). */
  intentNames: boolean;
  /** Passes over the data for the semantic member. */
  semanticEpochs: number;
}

export const DEFAULT_HYPER: HyperParams = {
  epochs: 10,
  learningRate: 3,
  l2: 1e-6,
  seed: 7,
  nlpjs: 'auto',
  // NLP.js training grows steeply with data (minutes for 15k utterances); above this it sits out.
  maxNlpjsExamples: 3000,
  intentNames: true,
  semanticEpochs: 10,
};

export interface ClassifierMetrics {
  /** Share of held-back utterances decided correctly (declining an out-of-scope one counts as correct). */
  heldOutAccuracy: number | null;
  heldOutExamples: number;
  /**
   * Held-back tally per intent (out-of-scope utterances under '__out_of_scope__'): with
   * cross-validation every utterance, else the held-back split. Additive: older records lack it.
   */
  perIntent: Record<string, IntentTally>;
  temperature: number;
  threshold: number;
  nlpjsWeight: number;
  /** Share of the sentence-embedding member (0 without an embedding model, or when it did not help on held-back data). */
  semanticWeight: number;
  trainMs: number;
}

export type Progress = (p: number) => void;
