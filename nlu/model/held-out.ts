import type { Intent } from '../../core/index.js';
import { splitExamples } from '../classifier/split.js';
import type { Example } from '../classifier/train-classifier.js';

/** Store intents as examples (duplicates and blanks dropped), split into training and held-back parts. */
export function splitHeldOut(intents: Intent[]): { train: Example[]; heldOut: Example[] } {
  const examples = intents.flatMap((intent) =>
    [...new Set(intent.utterances.map((u) => u.trim()).filter((u) => u.length > 0))].map((text) => ({ text, intent: intent.name })),
  );
  return splitExamples(examples);
}
