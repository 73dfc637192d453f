import { fnv1a } from './hash.js';
import type { Example } from './train-types.js';

/**
 * Deterministic stratified split by a hash of the utterance text: the same
 * utterance is held back in every run, so a new model and the live one are
 * compared on utterances neither was trained on. Classes with fewer than
 * `minPerClass` utterances keep all of them for training, and no class loses
 * more than a third.
 */
export function splitExamples(examples: Example[], percent = 15, minPerClass = 6): { train: Example[]; heldOut: Example[] } {
  const groups = new Map<string | null, Example[]>();
  for (const e of examples) {
    const g = groups.get(e.intent) ?? [];
    g.push(e);
    groups.set(e.intent, g);
  }
  const train: Example[] = [];
  const heldOut: Example[] = [];
  for (const group of groups.values()) {
    const keyed = group.map((e) => ({ e, h: fnv1a(e.text.toLowerCase(), 99) % 100 })).sort((a, b) => a.h - b.h);
    let hold = 0;
    if (group.length >= minPerClass) {
      hold = Math.max(1, keyed.filter((k) => k.h < percent).length);
      hold = Math.min(hold, Math.floor(group.length / 3));
    }
    keyed.forEach((k, i) => (i < hold ? heldOut : train).push(k.e));
  }
  return { train, heldOut };
}
